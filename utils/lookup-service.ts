import { showActionBadge } from './action-badge';
import { fetchKey } from './fetch-key';
import type { KeyHash } from './hash-input';
import type { LookupResult } from './lookup-result';
import type { TestConnectionReply } from './protocol';
import { cacheKey, forgetCachedKeys, readCachedKey } from './result-cache';
import type { Settings } from './settings';
import { recordInHistory } from './history';
import { type LastLookup, lastLookupItem, readSettings } from './storage';

/** A hash that no key has: a 404 for it proves the management key is accepted. */
export const PROBE_HASH = '0'.repeat(64) as KeyHash;

export type LookupSource = LastLookup['source'];

// The request in flight, so that a newer lookup can abort it. Nothing else depends on this
// surviving: if the worker stops, the popup's pending message fails and it says so.
let inFlight: { controller: AbortController; done: Promise<LookupResult> } | undefined;

/**
 * Looks a hash up, replacing any lookup still in flight, and records it as the last lookup.
 * With `allowCached`, a key fetched within the cache time comes back at once, marked `cached`.
 */
export async function lookUp(hash: KeyHash, source: LookupSource, options: { allowCached?: boolean } = {}): Promise<LookupResult> {
  if (options.allowCached) {
    const settings = await readSettings();
    const cached = await readCachedKey(hash, new Date(), settings.cacheSeconds);
    if (cached) return { ok: true, key: cached.key, fetchedAt: cached.fetchedAt, cached: true };
  }
  inFlight?.controller.abort();
  const controller = new AbortController();
  const startedAt = new Date().toISOString();
  const run = async (): Promise<LookupResult> => {
    await lastLookupItem.setValue({ hash, source, startedAt, result: null, seen: false });
    const settings = await readSettings();
    const result = await fetchKey({
      baseUrl: settings.baseUrl,
      hash,
      timeoutSeconds: settings.timeoutSeconds,
      signal: controller.signal,
    });
    // A replaced lookup leaves the record to its successor.
    if (!controller.signal.aborted) {
      const current = await lastLookupItem.getValue();
      await lastLookupItem.setValue({ hash, source, startedAt, result, seen: current?.seen ?? false });
      await Promise.all([showActionBadge(result, new Date()), remember(hash, result, settings)]);
    }
    return result;
  };
  const done = run();
  inFlight = { controller, done };
  try {
    return await done;
  } finally {
    if (inFlight?.controller === controller) inFlight = undefined;
  }
}

/** Keeps what a lookup taught us: the key for the cache and history, or that it is gone. */
async function remember(hash: KeyHash, result: LookupResult, settings: Settings): Promise<void> {
  if (result.ok) {
    await cacheKey(hash, result.key, result.fetchedAt);
    if (settings.historyEnabled) await recordInHistory(hash, result.key, new Date(result.fetchedAt));
  } else if (result.error.kind === 'not_found') {
    await forgetCachedKeys(hash);
  }
}

/**
 * The context-menu lookup the popup has not shown yet, waiting for it to finish if it is still in
 * flight. A record left in flight by a worker that was stopped comes back with `result: null`.
 */
export async function takeUnseenLookup(): Promise<LastLookup | null> {
  const last = await lastLookupItem.getValue();
  if (!last || last.seen || last.source !== 'context_menu') return null;
  const result = last.result ?? (inFlight ? await inFlight.done : null);
  const seen: LastLookup = { ...last, result, seen: true };
  await lastLookupItem.setValue(seen);
  return seen;
}

/** One GET for an all-zero hash: 404 means the key works, anything else is its own error. */
export async function testConnection(): Promise<TestConnectionReply> {
  const settings = await readSettings();
  const result = await fetchKey({
    baseUrl: settings.baseUrl,
    hash: PROBE_HASH,
    timeoutSeconds: settings.timeoutSeconds,
  });
  if (result.ok || result.error.kind === 'not_found') return { ok: true };
  return result;
}
