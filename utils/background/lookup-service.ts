import type { MergedLookup } from '../account-answers';
import { showActionBadge } from './toolbar-attention';
import { askAccounts } from './ask-accounts';
import type { KeyHash } from '../hash-input';
import { labelHistory, readHistory, recordInHistory } from './store/history';
import { type HistoryItem, type LastLookup, readSettings } from './store/items';
import { updateLastLookup } from './store/last-lookup';
import type { LookupResult } from '../lookup-result';
import { cacheKey, forgetCachedKeys, isFresh, readCachedEntries } from './store/result-cache';
import type { Account, Settings } from '../settings';

export type LookupSource = LastLookup['source'];

export interface Lookup {
  hash: KeyHash;
  /** The answer, as soon as an account has the key or every account has said it has not. */
  result: Promise<MergedLookup>;
  /** Every account's answer: more than `result` only when a key was found before all answered. */
  complete: Promise<MergedLookup>;
  /** Once `result` is in the last-lookup record, on the badge and in the cache and history. */
  recorded: Promise<void>;
  /** Once the same is true of `complete`. */
  settled: Promise<void>;
}

// The lookup in flight, so that a newer one can abort it and a popup opened by the context menu
// can wait for it; and the latest lookup, whose complete answer a popup may ask for. Nothing
// depends on these surviving the worker: if it stops, the popup's pending message fails and it
// says so.
let inFlight: { controller: AbortController; lookup: Lookup } | undefined;
let latest: Lookup | undefined;

/**
 * Looks a hash up in every account, aborting any lookup still in flight. With `allowCached`, keys
 * fetched within the cache time come back at once, marked `cached`. The answer does not wait for
 * the bookkeeping that follows it (last lookup, badge, cache, history).
 */
export function startLookup(hash: KeyHash, source: LookupSource, options: { allowCached?: boolean } = {}): Lookup {
  const settingsRead = readSettings();
  if (!options.allowCached) return (latest = fetchFresh(hash, source, settingsRead));
  const chosen = fromCache(hash, settingsRead).then((hit) => hit ?? fetchFresh(hash, source, settingsRead));
  const part = (of: (lookup: Lookup) => Promise<MergedLookup>) =>
    chosen.then((picked) => ('hash' in picked ? of(picked) : picked));
  const done = (of: (lookup: Lookup) => Promise<void>) =>
    chosen.then((picked) => ('hash' in picked ? of(picked) : undefined));
  return (latest = {
    hash,
    result: part((l) => l.result),
    complete: part((l) => l.complete),
    recorded: done((l) => l.recorded),
    settled: done((l) => l.settled),
  });
}

export function lookUp(hash: KeyHash, source: LookupSource, options: { allowCached?: boolean } = {}) {
  return startLookup(hash, source, options).result;
}

/** Every account's answer to the latest lookup, once all have answered; `cancelled` when a lookup
 * of another hash has started since (the popup then shows that one). */
export async function completeLookup(hash: KeyHash): Promise<MergedLookup> {
  if (latest?.hash !== hash) return { ok: false, error: { kind: 'cancelled' } };
  return latest.complete;
}

async function fromCache(hash: KeyHash, settingsRead: Promise<Settings>): Promise<MergedLookup | null> {
  const settings = await settingsRead;
  const now = new Date();
  const entries = await readCachedEntries(
    hash,
    settings.accounts.map((a) => a.id),
  );
  const several = settings.accounts.length > 1;
  const found = entries
    .filter((entry) => isFresh(entry, now, settings.cacheSeconds))
    .map(({ accountId, key, fetchedAt }) => {
      const account = settings.accounts.find((a) => a.id === accountId);
      return { key, fetchedAt, ...(several && account ? { account: { id: account.id, name: account.name } } : {}) };
    });
  const [first, ...more] = found;
  return first ? { ok: true, found: [first, ...more], cached: true } : null;
}

function fetchFresh(hash: KeyHash, source: LookupSource, settingsRead: Promise<Settings>): Lookup {
  inFlight?.controller.abort();
  const controller = new AbortController();
  const base = { hash, source, startedAt: new Date().toISOString() };
  // Not awaited before the requests: it only has to land before the records below.
  const opened = updateLastLookup(() => ({ ...base, result: null, seen: false }));
  const remembered: Promise<void>[] = [];
  const asked = settingsRead.then((settings) =>
    askAccounts(settings, hash, controller.signal, (account, answer) =>
      remembered.push(remember(account, hash, answer, settings)),
    ),
  );
  const result = asked.then((a) => a.first);
  const complete = asked.then((a) => a.all);
  const record = async (answer: MergedLookup) => {
    await Promise.all([opened, ...remembered]);
    // A replaced lookup leaves the record and the badge to its successor.
    if (controller.signal.aborted) return;
    await Promise.all([
      updateLastLookup((current) => ({ ...base, result: answer, seen: current?.seen ?? false })),
      showActionBadge(answer, new Date()),
    ]);
  };
  // The answer has been given; a badge or history that could not be written is not worth an
  // error in its place.
  const recorded = result.then(record).catch(() => {});
  const settled = Promise.all([recorded, complete])
    .then(([, answer]) => record(answer))
    .catch(() => {});
  const lookup = { hash, result, complete, recorded, settled };
  inFlight = { controller, lookup };
  void settled.finally(() => {
    if (inFlight?.controller === controller) inFlight = undefined;
  });
  return lookup;
}

/** Keeps what one account's answer taught us: the key for the cache and history, or that it is
 * gone from that account. */
async function remember(account: Account, hash: KeyHash, result: LookupResult, settings: Settings): Promise<void> {
  if (result.ok) {
    const found = { accountId: account.id, hash, key: result.key };
    await Promise.all([
      cacheKey(account.id, hash, result.key, result.fetchedAt),
      settings.historyEnabled ? recordInHistory(found, new Date(result.fetchedAt)) : undefined,
    ]);
  } else if (result.error.kind === 'not_found') {
    await forgetCachedKeys({ accountId: account.id, hash });
  }
}

/** The history, once the lookup in flight (if any) has written the entry of its first answer: a
 * reader must not see the list as it was before the lookup it has just been answered. Entries
 * name their account when there are several. */
export async function readHistoryAfterLookups(): Promise<HistoryItem[]> {
  await inFlight?.lookup.recorded;
  const [entries, settings] = await Promise.all([readHistory(), readSettings()]);
  return labelHistory(entries, settings.accounts);
}

/**
 * The context-menu lookup the popup has not shown yet, waiting for its first answer if it is still
 * in flight. A record left in flight by a worker that was stopped comes back with `result: null`.
 */
export async function takeUnseenLookup(): Promise<LastLookup | null> {
  await inFlight?.lookup.recorded;
  const taken: { last: LastLookup | null } = { last: null };
  await updateLastLookup((last) => {
    if (!last || last.seen || last.source !== 'context_menu') return last;
    taken.last = { ...last, seen: true };
    return taken.last;
  });
  return taken.last;
}
