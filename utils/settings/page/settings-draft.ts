import type { SaveSettingsRequest } from '../contract';
import type { AccountView, SettingsView } from '../views';
import { DEFAULT_BASE_URL } from '@/utils/settings/settings';

/** One account as typed: its name, the key (empty keeps the saved one) and its base URL. */
export interface AccountDraft {
  /** Stable while the page is open: the saved id, or one made here for an account not saved yet. */
  draftId: string;
  /** The saved account's id; absent until the account is saved. */
  id?: string;
  name: string;
  key: string;
  baseUrl: string;
}

/** The options form as typed, before the worker checks it. Number fields stay text until then. */
export interface SettingsDraft {
  accounts: AccountDraft[];
  timeoutSeconds: string;
  cacheSeconds: string;
  bulkConcurrency: string;
  forgetKeyOnClose: boolean;
  historyEnabled: boolean;
}

/** A saved account as the form opens on it; the key field starts empty, as the key never reaches the page. */
export function accountDraft({ id, name, baseUrl }: AccountView): AccountDraft {
  return { draftId: id, id, name, key: '', baseUrl };
}

/** An account added on the page: no name yet, the usual API. */
export function newAccountDraft(draftId: string): AccountDraft {
  return { draftId, name: '', key: '', baseUrl: DEFAULT_BASE_URL };
}

/** The form as it opens on saved settings. */
export function draftFrom(saved: SettingsView): SettingsDraft {
  return {
    accounts: saved.accounts.map(accountDraft),
    timeoutSeconds: String(saved.timeoutSeconds),
    cacheSeconds: String(saved.cacheSeconds),
    bulkConcurrency: String(saved.bulkConcurrency),
    forgetKeyOnClose: saved.forgetKeyOnClose,
    historyEnabled: saved.historyEnabled,
  };
}

/** Whether the form holds anything that is not saved yet. */
export function isDirty(draft: SettingsDraft, saved: SettingsView): boolean {
  const clean = draftFrom(saved);
  const sameAccount = (a: AccountDraft, b: AccountDraft | undefined) =>
    b !== undefined && a.id === b.id && a.name === b.name && a.key === b.key && a.baseUrl === b.baseUrl;
  return (
    draft.accounts.length !== clean.accounts.length ||
    draft.accounts.some((account, index) => !sameAccount(account, clean.accounts[index])) ||
    draft.timeoutSeconds !== clean.timeoutSeconds ||
    draft.cacheSeconds !== clean.cacheSeconds ||
    draft.bulkConcurrency !== clean.bulkConcurrency ||
    draft.forgetKeyOnClose !== clean.forgetKeyOnClose ||
    draft.historyEnabled !== clean.historyEnabled
  );
}

/** The whole form in one request, so the worker saves all of it or none. */
export function toSaveRequest(draft: SettingsDraft): SaveSettingsRequest {
  return {
    accounts: draft.accounts.map(({ id, name, key, baseUrl }) => ({
      ...(id === undefined ? {} : { id }),
      name,
      baseUrl,
      ...(key !== '' ? { managementKey: key } : {}),
    })),
    timeoutSeconds: toNumber(draft.timeoutSeconds),
    cacheSeconds: toNumber(draft.cacheSeconds),
    bulkConcurrency: toNumber(draft.bulkConcurrency),
    forgetKeyOnClose: draft.forgetKeyOnClose,
    historyEnabled: draft.historyEnabled,
  };
}

/** null for an empty or non-numeric field (an empty field is not 0): the worker refuses it beside its
 * field. Not NaN: Firefox sends messages by structured clone, which keeps NaN, and the schema takes
 * numbers or null. */
function toNumber(text: string): number | null {
  const value = text.trim() === '' ? Number.NaN : Number(text);
  return Number.isNaN(value) ? null : value;
}
