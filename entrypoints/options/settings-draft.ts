import type { SaveSettingsRequest, SettingsView } from '@/utils/messaging/protocol';

/** One API connection as typed: the key (empty keeps the saved one) and its base URL. */
export interface ConnectionDraft {
  key: string;
  baseUrl: string;
}

/** The options form as typed, before the worker checks it. Number fields stay text until then. */
export interface SettingsDraft {
  connection: ConnectionDraft;
  timeoutSeconds: string;
  cacheSeconds: string;
  forgetKeyOnClose: boolean;
  historyEnabled: boolean;
}

/** The form as it opens on saved settings; the key field starts empty, as the key never reaches the page. */
export function draftFrom(saved: SettingsView): SettingsDraft {
  return {
    connection: { key: '', baseUrl: saved.baseUrl },
    timeoutSeconds: String(saved.timeoutSeconds),
    cacheSeconds: String(saved.cacheSeconds),
    forgetKeyOnClose: saved.forgetKeyOnClose,
    historyEnabled: saved.historyEnabled,
  };
}

/** Whether the form holds anything that is not saved yet. */
export function isDirty(draft: SettingsDraft, saved: SettingsView): boolean {
  const clean = draftFrom(saved);
  return (
    draft.connection.key !== '' ||
    draft.connection.baseUrl !== clean.connection.baseUrl ||
    draft.timeoutSeconds !== clean.timeoutSeconds ||
    draft.cacheSeconds !== clean.cacheSeconds ||
    draft.forgetKeyOnClose !== clean.forgetKeyOnClose ||
    draft.historyEnabled !== clean.historyEnabled
  );
}

/** The whole form in one request, so the worker saves all of it or none. */
export function toSaveRequest(draft: SettingsDraft): SaveSettingsRequest {
  const { key, baseUrl } = draft.connection;
  return {
    baseUrl,
    timeoutSeconds: toNumber(draft.timeoutSeconds),
    cacheSeconds: toNumber(draft.cacheSeconds),
    forgetKeyOnClose: draft.forgetKeyOnClose,
    historyEnabled: draft.historyEnabled,
    ...(key !== '' ? { managementKey: key } : {}),
  };
}

/** An empty field is not 0: it is refused by the worker's check like any other non-number. */
function toNumber(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}
