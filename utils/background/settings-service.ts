import { checkBaseUrl } from '../base-url';
import {
  managementKeyHints,
  moveManagementKeys,
  removeManagementKeys,
  saveManagementKeys,
} from './store/management-key';
import { checkManagementKey } from '../management-key-input';
import { clearHistory } from './store/history';
import { forgetCachedKeys } from './store/result-cache';
import type { SaveSettingsReply, SaveSettingsRequest, SettingsField, SettingsView } from '../messaging/protocol';
import {
  DEFAULT_BASE_URL,
  FIRST_ACCOUNT,
  MAX_CACHE_SECONDS,
  MAX_TIMEOUT_SECONDS,
  MIN_TIMEOUT_SECONDS,
  type Account,
  type Settings,
} from '../settings';
import { readSettings, settingsItem } from './store/items';

/** What the pages may see: the settings, and of the key only whether it is saved and its end. */
export async function getSettingsView(): Promise<SettingsView> {
  const [{ accounts, ...settings }, hints] = await Promise.all([readSettings(), managementKeyHints()]);
  const account = firstAccount(accounts);
  const last4 = hints[account.id] ?? null;
  return { ...settings, baseUrl: account.baseUrl, keySaved: last4 !== null, keyLast4: last4 };
}

/**
 * Checks every field first and writes only when all are valid, so that a bad value never leaves
 * the settings saved half-way.
 */
export async function saveSettings(request: SaveSettingsRequest): Promise<SaveSettingsReply> {
  const current = await readSettings();
  const fieldErrors: Partial<Record<SettingsField, string>> = {};
  const baseUrl = checkBaseUrl(request.baseUrl);
  if (!baseUrl.ok) fieldErrors.baseUrl = baseUrl.message;
  const timeout = request.timeoutSeconds ?? Number.NaN;
  if (!Number.isInteger(timeout) || timeout < MIN_TIMEOUT_SECONDS || timeout > MAX_TIMEOUT_SECONDS) {
    fieldErrors.timeoutSeconds = `The timeout must be a whole number of seconds from ${MIN_TIMEOUT_SECONDS} to ${MAX_TIMEOUT_SECONDS}.`;
  }
  const cacheSeconds = request.cacheSeconds === undefined ? current.cacheSeconds : (request.cacheSeconds ?? Number.NaN);
  if (!Number.isInteger(cacheSeconds) || cacheSeconds < 0 || cacheSeconds > MAX_CACHE_SECONDS) {
    fieldErrors.cacheSeconds = `Keep results for a whole number of seconds from 0 (off) to ${MAX_CACHE_SECONDS}.`;
  }
  const key = request.managementKey === undefined ? null : checkManagementKey(request.managementKey);
  if (key && !key.ok) fieldErrors.managementKey = key.message;
  if (!baseUrl.ok || Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };

  const account = firstAccount(current.accounts);
  const settings: Settings = {
    accounts: [{ ...account, baseUrl: baseUrl.baseUrl }],
    timeoutSeconds: timeout,
    forgetKeyOnClose: request.forgetKeyOnClose ?? current.forgetKeyOnClose,
    historyEnabled: request.historyEnabled ?? current.historyEnabled,
    cacheSeconds,
  };
  await settingsItem.setValue(settings);
  if (settings.forgetKeyOnClose !== current.forgetKeyOnClose) await moveManagementKeys(settings.forgetKeyOnClose);
  if (key?.ok) await saveManagementKeys({ [account.id]: key.key }, settings.forgetKeyOnClose);
  // A cached key came from one account at one API; another key or URL may not see it at all.
  if (key?.ok || baseUrl.baseUrl !== account.baseUrl) await forgetCachedKeys({ accountId: account.id });
  if (!settings.historyEnabled) await clearHistory();
  return { ok: true, settings: await getSettingsView() };
}

export async function forgetManagementKey(): Promise<SettingsView> {
  const { id } = firstAccount((await readSettings()).accounts);
  await Promise.all([removeManagementKeys([id]), forgetCachedKeys({ accountId: id })]);
  return getSettingsView();
}

function firstAccount(accounts: Account[]): Account {
  return accounts[0] ?? { ...FIRST_ACCOUNT, baseUrl: DEFAULT_BASE_URL };
}
