import { checkAccounts } from '../../accounts/account-input';
import { clearHistory } from '../../lookup/background/history';
import {
  managementKeyHints,
  moveManagementKeys,
  removeManagementKeys,
  saveManagementKeys,
} from '../../accounts/background/management-key';
import type { Refusal } from '../../messaging/contract-kit';
import type { SaveSettingsReply, SaveSettingsRequest, SettingsField } from '../contract';
import type { SettingsView } from '../views';
import { forgetLastLookupOf } from '../../lookup/background/last-lookup';
import { forgetCachedKeys } from '../../lookup/background/result-cache';
import { MAX_CONCURRENCY, MIN_CONCURRENCY } from '../../scheduler/pacing';
import { MAX_CACHE_SECONDS, MAX_TIMEOUT_SECONDS, MIN_TIMEOUT_SECONDS, type Account, type Settings } from '../settings';
import { kept, readSettings } from '../../storage/background/items';
import { change, changeKept } from '../../storage/background/memory';
import { forgetWatchedOf } from '../../watch/background/watchlist';
import { forgetPanelCardsOf } from '../../panel/background/stack-store';
import { forgetSpendHistory } from '../../spend-history/background/spend-store';
import { isVaultLocked } from '../../lock/background/vault';

/** While locked, the vault cannot take or give up a key: the options page asks to unlock first. */
const LOCKED_REFUSAL: Refusal = {
  ok: false,
  error: { kind: 'invalid_request', message: 'The saved keys are locked. Unlock them first; nothing was changed.' },
};

/** What the pages may see: the settings, and of each account's key only its last 4 characters. */
export async function getSettingsView(): Promise<SettingsView> {
  const [{ accounts, ...settings }, hints] = await Promise.all([readSettings(), managementKeyHints()]);
  return {
    ...settings,
    accounts: accounts.map(({ id, name, baseUrl }) => ({
      id,
      name,
      baseUrl,
      keyLast4: Object.hasOwn(hints, id) ? (hints[id] ?? null) : null,
    })),
  };
}

/**
 * Checks every field of the settings and of every account first, and writes only when all are
 * valid, so that a bad value never leaves anything saved half-way. The message router has already
 * refused account ids that name no saved account, and a list that leaves a saved account out
 * (removing one is its own message).
 */
export async function saveSettings(request: SaveSettingsRequest): Promise<SaveSettingsReply> {
  const current = await readSettings();
  const fieldErrors: Partial<Record<SettingsField, string>> = {};
  const timeout = request.timeoutSeconds ?? Number.NaN;
  if (!Number.isInteger(timeout) || timeout < MIN_TIMEOUT_SECONDS || timeout > MAX_TIMEOUT_SECONDS) {
    fieldErrors.timeoutSeconds = `The timeout must be a whole number of seconds from ${MIN_TIMEOUT_SECONDS} to ${MAX_TIMEOUT_SECONDS}.`;
  }
  const cacheSeconds = request.cacheSeconds === undefined ? current.cacheSeconds : (request.cacheSeconds ?? Number.NaN);
  if (!Number.isInteger(cacheSeconds) || cacheSeconds < 0 || cacheSeconds > MAX_CACHE_SECONDS) {
    fieldErrors.cacheSeconds = `Keep results for a whole number of seconds from 0 (off) to ${MAX_CACHE_SECONDS}.`;
  }
  const bulkConcurrency =
    request.bulkConcurrency === undefined ? current.bulkConcurrency : (request.bulkConcurrency ?? Number.NaN);
  if (!Number.isInteger(bulkConcurrency) || bulkConcurrency < MIN_CONCURRENCY || bulkConcurrency > MAX_CONCURRENCY) {
    fieldErrors.bulkConcurrency = `Lookups at once must be a whole number from ${MIN_CONCURRENCY} to ${MAX_CONCURRENCY}.`;
  }
  const checked = checkAccounts(request.accounts);
  if (!checked.ok || Object.keys(fieldErrors).length > 0) {
    const accountErrors = checked.ok ? request.accounts.map(() => ({})) : checked.accountErrors;
    const listError = checked.ok ? undefined : checked.listError;
    return { ok: false, fieldErrors, accountErrors, ...(listError === undefined ? {} : { listError }) };
  }

  const accounts: Account[] = checked.accounts.map(({ id, name, baseUrl }) => ({
    id: id ?? crypto.randomUUID(),
    name,
    baseUrl,
  }));
  const settings: Settings = {
    accounts,
    timeoutSeconds: timeout,
    forgetKeyOnClose: request.forgetKeyOnClose ?? current.forgetKeyOnClose,
    historyEnabled: request.historyEnabled ?? current.historyEnabled,
    cacheSeconds,
    bulkConcurrency,
  };
  const newKeys = Object.fromEntries(
    checked.accounts.flatMap((input, index) => {
      const id = accounts[index]?.id;
      return input.managementKey === undefined || id === undefined ? [] : [[id, input.managementKey]];
    }),
  );
  if (Object.keys(newKeys).length > 0 && (await isVaultLocked())) return LOCKED_REFUSAL;
  await changeKept(change(kept.settings, () => settings));
  if (settings.forgetKeyOnClose !== current.forgetKeyOnClose) await moveManagementKeys(settings.forgetKeyOnClose);
  if (Object.keys(newKeys).length > 0) await saveManagementKeys(newKeys, settings.forgetKeyOnClose);
  // A cached key came from one account at one API: another key or URL may not see it at all.
  const moved = accounts.filter((a) => current.accounts.find((c) => c.id === a.id)?.baseUrl !== a.baseUrl);
  const changed = new Set([...Object.keys(newKeys), ...moved.map((a) => a.id)]);
  for (const accountId of changed) await forgetCachedKeys({ accountId });
  if (!settings.historyEnabled) await clearHistory();
  return { ok: true, settings: await getSettingsView() };
}

/** Forgets one account's key in every area, and what was cached with it; the account stays. */
export async function forgetManagementKey(accountId: string): Promise<SettingsView | Refusal> {
  if (await isVaultLocked()) return LOCKED_REFUSAL;
  await Promise.all([removeManagementKeys([accountId]), forgetCachedKeys({ accountId })]);
  return getSettingsView();
}

/**
 * Removes an account: from the settings first, so no lookup uses it any more, then its key from
 * every storage area, its cached results, its history entries, a last lookup that names it and
 * the side panel's cards of its keys.
 * The last account stays.
 */
export async function removeAccount(accountId: string): Promise<{ ok: true; settings: SettingsView } | Refusal> {
  if (await isVaultLocked()) return LOCKED_REFUSAL;
  const current = await readSettings();
  const accounts = current.accounts.filter((account) => account.id !== accountId);
  if (accounts.length === 0) {
    const message = 'The only account cannot be removed. Remove its key instead.';
    return { ok: false, error: { kind: 'invalid_request', message } };
  }
  await changeKept(change(kept.settings, () => ({ ...current, accounts })));
  await Promise.all([
    removeManagementKeys([accountId]),
    forgetCachedKeys({ accountId }),
    clearHistory([accountId]),
    forgetLastLookupOf(accountId),
    forgetWatchedOf(accountId),
    forgetPanelCardsOf(accountId),
    forgetSpendHistory((series) => series.accountId === accountId),
  ]);
  return { ok: true, settings: await getSettingsView() };
}
