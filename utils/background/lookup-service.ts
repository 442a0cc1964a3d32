import { showActionBadge } from './action-badge';
import { fetchKey } from './api/fetch-key';
import type { KeyHash } from '../hash-input';
import { readHistory, recordInHistory } from './store/history';
import type { LookupResult } from '../lookup-result';
import type { LookupError } from '../lookup-error';
import { cacheKey, forgetCachedKeys, isFresh, readCachedEntries } from './store/result-cache';
import { DEFAULT_BASE_URL, FIRST_ACCOUNT, type Account, type Settings } from '../settings';
import { type HistoryEntry, type LastLookup, lastLookupItem, readSettings } from './store/items';

/** A hash that no key has: a 404 for it proves the management key is accepted. */
export const PROBE_HASH = '0'.repeat(64) as KeyHash;

export type LookupSource = LastLookup['source'];

export interface Lookup {
  /** The answer, as soon as the API gave it. */
  result: Promise<LookupResult>;
  /** Resolves once the last lookup, toolbar badge, cache and history are updated too. */
  settled: Promise<void>;
}

// The lookup in flight, so that a newer one can abort it and a popup opened by the context menu
// can wait for it. Nothing depends on this surviving the worker: if the worker stops, the popup's
// pending message fails and it says so.
let inFlight: { controller: AbortController; lookup: Lookup } | undefined;

/**
 * Looks a hash up, aborting any lookup still in flight. With `allowCached`, a key fetched within
 * the cache time comes back at once, marked `cached`. The answer does not wait for the
 * bookkeeping that follows it (last lookup, badge, cache, history): every storage call on the way
 * is time the user waits for.
 */
export function startLookup(hash: KeyHash, source: LookupSource, options: { allowCached?: boolean } = {}): Lookup {
  const settingsRead = readSettings();
  if (options.allowCached) {
    const cached = (async () => {
      const settings = await settingsRead;
      const [entry] = await readCachedEntries(hash, [firstAccount(settings).id]);
      return entry && isFresh(entry, new Date(), settings.cacheSeconds) ? entry : null;
    })();
    const result = cached.then((entry): Promise<LookupResult> | LookupResult =>
      entry ? { ok: true, key: entry.key, fetchedAt: entry.fetchedAt, cached: true } : fetchFresh().result,
    );
    return { result, settled: result.then(() => inFlight?.lookup.settled) };
  }
  return fetchFresh();

  function fetchFresh(): Lookup {
    inFlight?.controller.abort();
    const controller = new AbortController();
    const startedAt = new Date().toISOString();
    // Not awaited before the request: it only has to land before the bookkeeping below.
    const recorded = lastLookupItem.setValue({ hash, source, startedAt, result: null, seen: false });
    const result = fetchKey({ target: settingsRead.then(firstAccountTarget), hash, signal: controller.signal });
    const settled = (async () => {
      const [settings, answer] = await Promise.all([settingsRead, result, recorded]);
      // A replaced lookup leaves the record to its successor.
      if (controller.signal.aborted) return;
      const current = await lastLookupItem.getValue();
      await Promise.all([
        lastLookupItem.setValue({ hash, source, startedAt, result: answer, seen: current?.seen ?? false }),
        showActionBadge(answer, new Date()),
        remember(hash, answer, settings),
      ]);
    })().catch(() => {
      // The answer has been given; a badge or history that could not be written is not worth an
      // error in its place.
    });
    const lookup = { result, settled };
    inFlight = { controller, lookup };
    void settled.finally(() => {
      if (inFlight?.controller === controller) inFlight = undefined;
    });
    return lookup;
  }
}

export function lookUp(
  hash: KeyHash,
  source: LookupSource,
  options: { allowCached?: boolean } = {},
): Promise<LookupResult> {
  return startLookup(hash, source, options).result;
}

/** The history, once the lookup in flight (if any) has written its entry: a reader must not see
 * the list as it was before the lookup it has just been answered. */
export async function readHistoryAfterLookups(): Promise<HistoryEntry[]> {
  await inFlight?.lookup.settled;
  return readHistory();
}

/** Keeps what a lookup taught us: the key for the cache and history, or that it is gone. */
async function remember(hash: KeyHash, result: LookupResult, settings: Settings): Promise<void> {
  const accountId = firstAccount(settings).id;
  if (result.ok) {
    await Promise.all([
      cacheKey(accountId, hash, result.key, result.fetchedAt),
      settings.historyEnabled
        ? recordInHistory({ accountId, hash, key: result.key }, new Date(result.fetchedAt))
        : undefined,
    ]);
  } else if (result.error.kind === 'not_found') {
    await forgetCachedKeys({ accountId, hash });
  }
}

function firstAccount(settings: Settings): Account {
  return settings.accounts[0] ?? { ...FIRST_ACCOUNT, baseUrl: DEFAULT_BASE_URL };
}

function firstAccountTarget(settings: Settings) {
  const { id, baseUrl } = firstAccount(settings);
  return { accountId: id, baseUrl, timeoutSeconds: settings.timeoutSeconds };
}

/**
 * The context-menu lookup the popup has not shown yet, waiting for it to finish if it is still in
 * flight. A record left in flight by a worker that was stopped comes back with `result: null`.
 */
export async function takeUnseenLookup(): Promise<LastLookup | null> {
  // Waiting for the bookkeeping, not just the answer, so that this "seen" mark is the last write.
  await inFlight?.lookup.settled;
  const last = await lastLookupItem.getValue();
  if (!last || last.seen || last.source !== 'context_menu') return null;
  const seen: LastLookup = { ...last, seen: true };
  await lastLookupItem.setValue(seen);
  return seen;
}

export type TestConnectionReply = { ok: true } | { ok: false; error: LookupError };

/** One GET for an all-zero hash: 404 means the key works, anything else is its own error. */
export async function testConnection(): Promise<TestConnectionReply> {
  const result = await fetchKey({ target: readSettings().then(firstAccountTarget), hash: PROBE_HASH });
  if (result.ok || result.error.kind === 'not_found') return { ok: true };
  return result;
}
