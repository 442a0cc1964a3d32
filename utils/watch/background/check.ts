import { askAndFile } from '../../lookup/background/ask-and-file';
import { EXPIRY_WARNING_DAYS } from '../../card/badges';
import type { KeyHash } from '../../hash-input';
import type { LookupError } from '../../lookup/lookup-error';
import type { Outcome } from '../../scheduler/outcome';
import { outcomeOf } from '../../scheduler/account-outcome';
import { runLookups } from '../../scheduler/scheduler';
import { isFresh, readCachedEntries } from '../../lookup/background/result-cache';
import { kept, readSettings } from '../../storage/background/items';
import { change, changeKept, readKept } from '../../storage/background/memory';
import { isVaultLocked } from '../../lock/background/vault';
import { readAlertSettings, readWatchlist, sameKey, updateWatchlist, type WatchEntry } from './watchlist';
import { applyCheck, type CheckResult, type WatchAlert } from '../alerts';
import type { Settings } from '../../settings/settings';

/** A watched key's check asks each account this many keys at once: it runs in the background. */
export const CHECK_CONCURRENCY = 2;

/** An alert to tell the user about, with the key it is about. */
export interface RaisedNow {
  entry: WatchEntry;
  alert: WatchAlert;
}

/** Where the check's side effects go: the notifications and the toolbar (replaced in tests). */
export interface CheckEffects {
  onAlerts: (raised: RaisedNow[]) => Promise<void>;
  onChecked: () => Promise<void>;
}

let running: Promise<RaisedNow[]> | undefined;
let effects: CheckEffects = { onAlerts: async () => {}, onChecked: async () => {} };

export function setCheckEffects(next: CheckEffects): void {
  effects = next;
}

/**
 * Checks every watched key (or those given) once, and raises what is new. A check already under
 * way is joined, not doubled. The state, alerts included, is stored before anyone is told, so a
 * worker stopped between the two never repeats an alert after its restart.
 */
export function checkWatched(only?: readonly WatchEntry[], clock = () => new Date()): Promise<RaisedNow[]> {
  running ??= runCheck(only, clock).finally(() => (running = undefined));
  return running;
}

async function runCheck(only: readonly WatchEntry[] | undefined, clock: () => Date): Promise<RaisedNow[]> {
  // Locked: no key to ask with, so the check is skipped (nothing is sent) and the list says since when.
  if (await isVaultLocked()) {
    await changeKept(change(kept.checkSkippedLocked, (since) => since ?? clock().toISOString()));
    await effects.onChecked();
    return [];
  }
  const [list, settings, alertSettings] = await Promise.all([readWatchlist(), readSettings(), readAlertSettings()]);
  const accounts = new Set(settings.accounts.map((a) => a.id));
  const wanted = list.filter((e) => accounts.has(e.accountId) && (!only || only.some((o) => sameKey(o, e))));
  const items = wanted.map((entry) => ({ id: `${entry.accountId}/${entry.hash}`, account: entry.accountId, entry }));
  const { answers } = await runLookups({
    items,
    concurrency: CHECK_CONCURRENCY,
    lookup: (item, signal) => checkOne(item.entry, settings, signal, clock),
  });
  const now = clock();
  const rules = {
    thresholds: alertSettings.thresholds,
    warningDays: EXPIRY_WARNING_DAYS,
    pace: alertSettings.paceAlert,
  };
  const raised = await updateWatchlist((current) => {
    const fresh: RaisedNow[] = [];
    const next = current.map((entry) => {
      const answer = answers.get(`${entry.accountId}/${entry.hash}`);
      if (!answer) return entry;
      const check: CheckResult = answer.kind === 'done' ? answer.value : { kind: 'failed' };
      const applied = applyCheck(entry.state, check, now, rules);
      const updated = { ...entry, state: applied.state };
      for (const alert of applied.alerts) fresh.push({ entry: updated, alert });
      return updated;
    });
    return { list: next, result: fresh };
  });
  if (!only) await changeKept(change(kept.checkSkippedLocked, () => undefined));
  await effects.onChecked();
  if (raised.length > 0) await effects.onAlerts(raised);
  return raised;
}

/** After an unlock: a check skipped while the keys were locked runs now. */
export async function checkIfSkippedLocked(): Promise<void> {
  if ((await readKept(kept.checkSkippedLocked)) !== null) await checkWatched();
}

/**
 * One watched key, from the result cache while it is fresh, else from its account's API (the
 * answer then goes into the cache, as a lookup's does). A 429 pauses that account's queue; a
 * rejected management key stops it; any other failure is a failed check, which changes nothing.
 */
async function checkOne(
  entry: WatchEntry,
  settings: Settings,
  signal: AbortSignal,
  clock: () => Date,
): Promise<Outcome<CheckResult, LookupError>> {
  const account = settings.accounts.find((a) => a.id === entry.accountId);
  if (!account) return { kind: 'failed', error: { kind: 'not_configured' } };
  const [cached] = await readCachedEntries(entry.hash, [account.id]);
  if (cached && isFresh(cached, clock(), settings.cacheSeconds))
    return { kind: 'done', value: { kind: 'found', key: cached.key } };
  const target = { accountId: account.id, baseUrl: account.baseUrl, timeoutSeconds: settings.timeoutSeconds };
  const outcome = outcomeOf(await askAndFile(target, entry.hash as KeyHash, signal), clock().getTime());
  if (outcome.kind !== 'done') return outcome;
  const { value } = outcome;
  return { kind: 'done', value: value.ok ? { kind: 'found', key: value.key } : { kind: 'not_found' } };
}

/** The watched keys as the list shows them; ones of a removed account are left out. */
export async function watchedOfSavedAccounts(): Promise<{ list: WatchEntry[]; settings: Settings }> {
  const [list, settings] = await Promise.all([readWatchlist(), readSettings()]);
  const accounts = new Set(settings.accounts.map((a) => a.id));
  return { list: list.filter((e) => accounts.has(e.accountId)), settings };
}
