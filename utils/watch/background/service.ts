import type { AlertField, AlertSettings } from '../alert-settings';
import { checkAlertSettings } from '../alert-settings-check';
import { lookupRecorded } from '../../lookup/background/lookup-service';
import { readCachedEntries } from '../../lookup/background/result-cache';
import { accountMeant } from '../../accounts/account-meant';
import { kept, readSettings } from '../../storage/background/items';
import { change, changeKept, readKept } from '../../storage/background/memory';
import { MAX_WATCHED, readAlertSettings, sameKey, updateWatchlist, type WatchEntry } from './watchlist';
import { ensureWatchAlarm } from './alarm';
import { checkWatched, watchedOfSavedAccounts } from './check';
import { paintToolbar } from './toolbar-attention';
import type { UnwatchRequest, WatchRequest } from '../contract';
import {
  forgetSpendHistory,
  readSparklines,
  readSpendHistory,
  recordFirstSpend,
} from '../../spend-history/background/spend-store';
import { startWatching, UNCHECKED } from '../alerts';
import { watchedView, type WatchedView } from '../view';
import type { AlertSettingsInput } from '../alert-settings';
import { EXPIRY_WARNING_DAYS } from '../../card/badges';

type Refused = { ok: false; message: string };
const refused = (message: string): Refused => ({ ok: false, message });

/** The account a card's key is in: the one named, or the only one. */
async function accountOf(request: WatchRequest): Promise<string | null> {
  const { accounts } = await readSettings();
  return accountMeant(accounts, request.accountId)?.id ?? null;
}

const NO_ACCOUNT = 'Refused: the key’s account is not one of your saved accounts.';

export async function watchStatus(request: WatchRequest) {
  const accountId = await accountOf(request);
  if (accountId === null) return refused(NO_ACCOUNT);
  const key = { hash: request.hash, accountId };
  const [{ list }, history] = await Promise.all([watchedOfSavedAccounts(), readSpendHistory(key)]);
  return { ok: true as const, watching: list.some((e) => sameKey(e, key)), samples: history.samples.length };
}

/**
 * Starts watching a key. Its card's answer (in the result cache) is the first state: what the card
 * already shows is known, so it raises nothing; a key not in the cache is checked at once.
 */
export async function watchKey(request: WatchRequest) {
  const accountId = await accountOf(request);
  if (accountId === null) return refused(NO_ACCOUNT);
  const key = { hash: request.hash, accountId };
  // The card's answer may still be on its way into the cache: its bookkeeping follows the reply.
  await lookupRecorded();
  const [[cached], alertSettings] = await Promise.all([readCachedEntries(key.hash, [accountId]), readAlertSettings()]);
  const now = new Date();
  const rules = {
    thresholds: alertSettings.thresholds,
    warningDays: EXPIRY_WARNING_DAYS,
    pace: alertSettings.paceAlert,
  };
  const state = cached ? startWatching(cached.key, new Date(cached.fetchedAt), rules) : UNCHECKED;
  const entry: WatchEntry = { ...key, addedAt: now.toISOString(), state };
  const added = await updateWatchlist((list) => {
    if (list.some((e) => sameKey(e, key))) return { list, result: true };
    if (list.length >= MAX_WATCHED) return { list, result: false };
    return { list: [...list, entry], result: true };
  });
  if (!added) return refused(`You are watching ${MAX_WATCHED} keys, the most there can be. Stop watching one first.`);
  // The card's answer is the history's first point; without one, the first check makes it.
  if (cached) await recordFirstSpend(cached);
  await Promise.all([ensureWatchAlarm(), paintToolbar(now)]);
  if (!cached) void checkWatched([entry]);
  return { ok: true as const, watching: true, samples: (await readSpendHistory(key)).samples.length };
}

/** Stops watching a key; its spend history is kept or deleted, as the user chose. */
export async function unwatchKey(request: UnwatchRequest) {
  const accountId = await accountOf(request);
  if (accountId === null) return refused(NO_ACCOUNT);
  const key = { hash: request.hash, accountId };
  await updateWatchlist((list) => ({ list: list.filter((e) => !sameKey(e, key)), result: undefined }));
  if (request.history === 'delete') await forgetSpendHistory((series) => sameKey(series, key));
  await Promise.all([ensureWatchAlarm(), paintToolbar(new Date())]);
  return { ok: true as const, watching: false, samples: (await readSpendHistory(key)).samples.length };
}

/** The watched keys, oldest first, in the list's words, naming their account when there are several. */
export async function listWatched(): Promise<{ ok: true; entries: WatchedView[] }> {
  const now = new Date();
  const [{ list, settings }, { thresholds, paceAlert }, sparks, skipped] = await Promise.all([
    watchedOfSavedAccounts(),
    readAlertSettings(),
    readSparklines(now),
    readKept(kept.checkSkippedLocked),
  ]);
  const several = settings.accounts.length > 1;
  const rules = { thresholds, warningDays: EXPIRY_WARNING_DAYS, pace: paceAlert };
  const entries = list.map((entry) => {
    const account = several ? settings.accounts.find((a) => a.id === entry.accountId)?.name : undefined;
    const spark = sparks.get(`${entry.accountId}/${entry.hash}`);
    return watchedView(entry, now, rules, { account, spark, skippedLocked: skipped !== null });
  });
  return { ok: true as const, entries };
}

/** "Check now": every watched key at once; the list as it is afterwards. */
export async function checkNow() {
  await checkWatched();
  return listWatched();
}

export async function getAlertSettings() {
  return { ok: true as const, settings: await readAlertSettings() };
}

export async function saveAlertSettings(
  input: AlertSettingsInput,
): Promise<{ ok: true; settings: AlertSettings } | { ok: false; fieldErrors: Partial<Record<AlertField, string>> }> {
  const checked = checkAlertSettings(input);
  if (!checked.ok) return { ok: false, fieldErrors: checked.errors };
  await changeKept(change(kept.alertSettings, () => checked.settings));
  await Promise.all([ensureWatchAlarm(), paintToolbar(new Date())]);
  return { ok: true, settings: checked.settings };
}
