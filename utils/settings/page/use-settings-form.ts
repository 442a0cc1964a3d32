import { useEffect, useRef, useState } from 'preact/hooks';
import type { AccountFieldErrors } from '@/utils/accounts/account-input';
import { describeLookupError } from '@/utils/lookup/error-message';
import type { LookupError } from '@/utils/lookup/lookup-error';
import type { SettingsField } from '../contract';
import type { SettingsView } from '../views';
import { askWorker } from '@/utils/messaging/page/worker-client';
import {
  type AccountDraft,
  type SettingsDraft,
  draftFrom,
  isDirty,
  newAccountDraft,
  toSaveRequest,
} from './settings-draft';

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
  /** The same for each account's fields, by the account's draftId. */
  accountErrors: Record<string, AccountFieldErrors>;
  /** About the list of accounts as a whole. */
  listError?: string;
  status: SaveStatus;
  saving: boolean;
  /** Changes on every load, save or key removal, so that the key fields start again from the saved state. */
  generation: number;
  /** The account added last on the page, whose name field takes the focus. */
  added: string | null;
  editAccount: (draftId: string, patch: Partial<AccountDraft>) => void;
  addAccount: () => void;
  removeAccount: (draftId: string) => Promise<void>;
  edit: (patch: Partial<Omit<SettingsDraft, 'accounts'>>) => void;
  save: () => Promise<void>;
  removeKey: (accountId: string) => Promise<void>;
  /** Reads the saved settings again (the lock moved the keys): the form starts again from them. */
  refresh: () => Promise<void>;
}

type Loaded = { saved: SettingsView; draft: SettingsDraft; generation: number };
type Refused = { accountErrors: Record<string, AccountFieldErrors>; listError?: string };

/** The options form: loads the saved settings, holds what is typed, and saves all of it or none. */
export function useSettingsForm(): SettingsForm {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [loadError, setLoadError] = useState<LookupError | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [refused, setRefused] = useState<Refused>({ accountErrors: {} });
  const [status, setStatus] = useState<SaveStatus>(null);
  const [saving, setSaving] = useState(false);
  const [added, setAdded] = useState<string | null>(null);
  const newAccounts = useRef(0);

  function adopt(saved: SettingsView) {
    setLoaded((before) => ({ saved, draft: draftFrom(saved), generation: (before?.generation ?? 0) + 1 }));
  }

  const load = () =>
    askWorker('getSettings').then((reply) => (reply.ok ? adopt(reply.settings) : setLoadError(reply.error)));
  useEffect(() => void load(), []);

  if (loadError) return { phase: 'failed', error: loadError };
  if (!loaded) return { phase: 'loading' };
  const { saved, draft, generation } = loaded;

  const setDraft = (next: (draft: SettingsDraft) => SettingsDraft) =>
    setLoaded((before) => before && { ...before, draft: next(before.draft) });
  const setAccounts = (next: (accounts: AccountDraft[]) => AccountDraft[]) =>
    setDraft((d) => ({ ...d, accounts: next(d.accounts) }));

  async function save() {
    setSaving(true);
    setStatus(null);
    const sent = draft.accounts;
    const reply = await askWorker('saveSettings', toSaveRequest(draft));
    setSaving(false);
    if (reply.ok) {
      setErrors({});
      setRefused({ accountErrors: {} });
      adopt(reply.settings);
      setStatus({ tone: 'ok', text: 'Settings saved.' });
    } else if ('fieldErrors' in reply) {
      setErrors(reply.fieldErrors);
      const accountErrors = Object.fromEntries(sent.map((a, i) => [a.draftId, reply.accountErrors[i] ?? {}]));
      setRefused({ accountErrors, ...(reply.listError === undefined ? {} : { listError: reply.listError }) });
      setStatus({ tone: 'error', text: 'Nothing was saved. Correct the fields marked below.' });
    } else {
      setStatus({ tone: 'error', text: `Nothing was saved. ${describeLookupError(reply.error, new Date()).body}` });
    }
  }

  async function removeKey(accountId: string) {
    const reply = await askWorker('removeKey', { accountId });
    if (reply.ok) {
      adopt(reply.settings);
      setStatus({ tone: 'ok', text: 'Management key removed.' });
    } else {
      setStatus({ tone: 'error', text: 'The key could not be removed: the extension did not answer. Try again.' });
    }
  }

  /** Removes a saved account at once (the page asked first); what is typed elsewhere stays. */
  async function removeAccount(draftId: string) {
    const account = draft.accounts.find((a) => a.draftId === draftId);
    const drop = (accounts: AccountDraft[]) => accounts.filter((a) => a.draftId !== draftId);
    if (account?.id === undefined) return setAccounts(drop);
    const reply = await askWorker('removeAccount', { accountId: account.id });
    if (reply.ok) {
      setLoaded(
        (before) =>
          before && {
            ...before,
            saved: reply.settings,
            draft: { ...before.draft, accounts: drop(before.draft.accounts) },
          },
      );
      const name = saved.accounts.find((a) => a.id === account.id)?.name ?? account.name;
      setStatus({ tone: 'ok', text: `Account “${name}” removed.` });
    } else {
      setStatus({
        tone: 'error',
        text: `The account could not be removed. ${describeLookupError(reply.error, new Date()).body}`,
      });
    }
  }

  function addAccount() {
    const draftId = `new-${++newAccounts.current}`;
    setAccounts((accounts) => [...accounts, newAccountDraft(draftId)]);
    setAdded(draftId);
  }

  return {
    phase: 'ready',
    saved,
    draft,
    dirty: isDirty(draft, saved),
    errors,
    ...refused,
    status,
    saving,
    generation,
    added,
    editAccount: (draftId, patch) =>
      setAccounts((accounts) => accounts.map((a) => (a.draftId === draftId ? { ...a, ...patch } : a))),
    addAccount,
    removeAccount,
    edit: (patch) => setDraft((d) => ({ ...d, ...patch })),
    save,
    removeKey,
    refresh: load,
  };
}
