import type { MergedLookup } from '../account-answers';
import { askAccounts } from './ask-accounts';
import { type Answered, keepAnswer } from './bookkeeping';
import type { KeyHash } from '../../hash-input';
import { labelHistory, readHistory } from './history';
import { type LastLookup, readSettings } from '../../storage/background/items';
import type { FoundLookup } from '../recent-answers';
import type { HistoryItem, UnseenLookup } from '../views';
import { updateLastLookup } from './last-lookup';
import { isFresh, readCachedEntries } from './result-cache';
import type { Settings } from '../../settings/settings';
import { isVaultLocked } from '../../lock/background/vault';

export type LookupSource = LastLookup['source'];

const afterThisTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

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
let inFlight: { controller: AbortController; lookup: Lookup; source: LookupSource } | undefined;
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

/** Aborts the lookup in flight if `source` started it (the omnibox's input changed): a lookup
 * another page started is left alone. */
export function cancelLookup(source: LookupSource): void {
  if (inFlight?.source === source) inFlight.controller.abort();
}

/** Every account's answer to the latest lookup, once all have answered; `cancelled` when a lookup
 * of another hash has started since (the popup then shows that one). */
export async function completeLookup(hash: KeyHash): Promise<MergedLookup> {
  if (latest?.hash !== hash) return { ok: false, error: { kind: 'cancelled' } };
  return latest.complete;
}

async function fromCache(hash: KeyHash, settingsRead: Promise<Settings>): Promise<MergedLookup | null> {
  // Locked: not even what was fetched before is shown (the lock also empties the cache); the fresh
  // lookup then answers "locked" without sending anything.
  const [settings, locked] = await Promise.all([settingsRead, isVaultLocked()]);
  return locked ? null : cachedAnswer(hash, settings);
}

/** The answer the cache holds for `hash` while it is fresh, as a cached lookup answers it; or null. */
export async function cachedAnswer(hash: KeyHash, settings: Settings): Promise<FoundLookup | null> {
  if (settings.cacheSeconds <= 0) return null;
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
  // A context-menu lookup is on record while in flight: a popup opened after the worker stopped
  // says it was interrupted. Not awaited before the requests: it only has to land before the
  // record below. (A popup's own lookup is answered to that popup, which says so itself.)
  const opened =
    source === 'context_menu' ? updateLastLookup(() => ({ ...base, result: null, seen: false })) : undefined;
  const answered: Answered[] = [];
  const asked = settingsRead.then((settings) =>
    askAccounts(settings, hash, controller.signal, (account, result) => answered.push({ account, result })),
  );
  const result = asked.then((a) => a.first);
  const complete = asked.then((a) => a.all);
  let keptJson: string | undefined;
  const record = async (answer: MergedLookup) => {
    const [settings] = await Promise.all([settingsRead, opened]);
    // The complete answer of a single account is the first one again: nothing new to write.
    const json = JSON.stringify(answer);
    if (json === keptJson && answered.length === 0) return;
    keptJson = json;
    // A replaced lookup keeps what its answers taught, and leaves the record and the badge to its successor.
    const last = controller.signal.aborted ? undefined : { record: { ...base, result: answer }, answer };
    await keepAnswer({ hash, answered: answered.splice(0), settings, last });
  };
  // The answer has been given; a badge or history that could not be written is not worth an
  // error in its place. It is kept in a task of its own, after the one that sends the reply: the
  // bookkeeping (the cache's JSON, the storage calls) then never runs before the reply is on its way.
  const recorded = result.then((answer) => afterThisTask().then(() => record(answer))).catch(() => {});
  // Likewise for the complete answer's bookkeeping.
  const settled = Promise.all([recorded, complete])
    .then(([, answer]) => record(answer))
    .catch(() => {});
  const lookup = { hash, result, complete, recorded, settled };
  inFlight = { controller, lookup, source };
  void settled.finally(() => {
    if (inFlight?.controller === controller) inFlight = undefined;
  });
  return lookup;
}

/** Once the lookup in flight (if any) has kept its first answer: in the cache, history and record. */
export async function lookupRecorded(): Promise<void> {
  await inFlight?.lookup.recorded;
}

/** The history, once the lookup in flight (if any) has written the entry of its first answer: a
 * reader must not see the list as it was before the lookup it has just been answered. Entries
 * name their account when there are several. */
export async function readHistoryAfterLookups(): Promise<HistoryItem[]> {
  await lookupRecorded();
  const [entries, settings] = await Promise.all([readHistory(), readSettings()]);
  return labelHistory(entries, settings.accounts);
}

/**
 * The context-menu lookup the popup has not shown yet, waiting for its first answer if it is still
 * in flight. A record left in flight by a worker that was stopped comes back with `result: null`.
 */
export async function takeUnseenLookup(): Promise<UnseenLookup | null> {
  await lookupRecorded();
  const taken: { last: LastLookup | null } = { last: null };
  await updateLastLookup((last) => {
    if (!last || last.seen || last.source !== 'context_menu') return last;
    taken.last = { ...last, seen: true };
    return taken.last;
  });
  if (!taken.last) return null;
  const { hash, choices, result } = taken.last;
  return { hash, result, ...(choices ? { choices } : {}) };
}
