import { useEffect, useState } from 'preact/hooks';
import { describeLookupError } from '@/utils/error-message';
import type { LookupError } from '@/utils/lookup-error';
import type { SettingsField, SettingsView } from '@/utils/messaging/protocol';
import { askWorker } from '@/utils/messaging/worker-client';
import { type ConnectionDraft, type SettingsDraft, draftFrom, isDirty, toSaveRequest } from './settings-draft';

export type FieldErrors = Partial<Record<SettingsField, string>>;
export type SaveStatus = { tone: 'ok' | 'error'; text: string } | null;

export type SettingsForm =
  | { phase: 'loading' }
  /** The worker could not give the saved settings: there is nothing to edit. */
  | { phase: 'failed'; error: LookupError }
  | ({ phase: 'ready' } & ReadyForm);

export interface ReadyForm {
  saved: SettingsView;
  draft: SettingsDraft;
  dirty: boolean;
  /** The worker's words for each refused field, shown beside it. */
  errors: FieldErrors;
  status: SaveStatus;
  saving: boolean;
  /** Changes on every load, save or key removal, so that the key field starts again from the saved state. */
  generation: number;
  editConnection: (patch: Partial<ConnectionDraft>) => void;
  edit: (patch: Partial<Omit<SettingsDraft, 'connection'>>) => void;
  save: () => Promise<void>;
  removeKey: () => Promise<void>;
}

type Loaded = { saved: SettingsView; draft: SettingsDraft; generation: number };

/** The options form: loads the saved settings, holds what is typed, and saves all of it or none. */
export function useSettingsForm(): SettingsForm {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loadError, setLoadError] = useState<LookupError | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [status, setStatus] = useState<SaveStatus>(null);
  const [saving, setSaving] = useState(false);

  function adopt(saved: SettingsView) {
    setLoaded((before) => ({ saved, draft: draftFrom(saved), generation: (before?.generation ?? 0) + 1 }));
  }

  useEffect(() => {
    void askWorker('getSettings').then((reply) => (reply.ok ? adopt(reply.settings) : setLoadError(reply.error)));
  }, []);

  if (loadError) return { phase: 'failed', error: loadError };
  if (!loaded) return { phase: 'loading' };
  const { saved, draft, generation } = loaded;

  const setDraft = (next: (draft: SettingsDraft) => SettingsDraft) =>
    setLoaded((before) => before && { ...before, draft: next(before.draft) });

  async function save() {
    setSaving(true);
    setStatus(null);
    const reply = await askWorker('saveSettings', toSaveRequest(draft));
    setSaving(false);
    if (reply.ok) {
      setErrors({});
      adopt(reply.settings);
      setStatus({ tone: 'ok', text: 'Settings saved.' });
    } else if ('fieldErrors' in reply) {
      setErrors(reply.fieldErrors);
      setStatus({ tone: 'error', text: 'Nothing was saved. Correct the fields marked below.' });
    } else {
      setStatus({ tone: 'error', text: `Nothing was saved. ${describeLookupError(reply.error, new Date()).body}` });
    }
  }

  async function removeKey() {
    const reply = await askWorker('removeKey');
    if (reply.ok) {
      adopt(reply.settings);
      setStatus({ tone: 'ok', text: 'Management key removed.' });
    } else {
      setStatus({ tone: 'error', text: 'The key could not be removed: the extension did not answer. Try again.' });
    }
  }

  return {
    phase: 'ready',
    saved,
    draft,
    dirty: isDirty(draft, saved),
    errors,
    status,
    saving,
    generation,
    editConnection: (patch) => setDraft((d) => ({ ...d, connection: { ...d.connection, ...patch } })),
    edit: (patch) => setDraft((d) => ({ ...d, ...patch })),
    save,
    removeKey,
  };
}
