import type { LookupError } from '../lookup-error';
import type { LookupResult } from '../lookup-result';
import { sendMessage } from './messenger';
import type {
  HistoryReply,
  LastLookupReply,
  SaveSettingsReply,
  SaveSettingsRequest,
  SettingsReply,
  TestConnectionReply,
} from './protocol';
import { MAX_TIMEOUT_SECONDS } from '../settings';

/**
 * Longer than any lookup can take (the worker's own deadline is at most MAX_TIMEOUT_SECONDS), so
 * this fires only when the worker is gone without a word: the page then says so instead of
 * spinning.
 */
export const WORKER_REPLY_LIMIT_MS = (MAX_TIMEOUT_SECONDS + 5) * 1000;

const interrupted: LookupError = { kind: 'interrupted' };

/** Sends a message; a worker that stopped, crashed or never answered becomes `interrupted`. */
async function ask<T>(
  send: () => Promise<T>,
  limitMs = WORKER_REPLY_LIMIT_MS,
): Promise<T | { ok: false; error: LookupError }> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<{ ok: false; error: LookupError }>((resolve) => {
    timer = setTimeout(() => resolve({ ok: false, error: interrupted }), limitMs);
  });
  try {
    const reply = await Promise.race([send(), limit]);
    // An empty reply means no listener answered (the worker was replaced mid-message).
    return reply ?? { ok: false, error: interrupted };
  } catch {
    return { ok: false, error: interrupted };
  } finally {
    clearTimeout(timer);
  }
}

export const worker = {
  lookup: (hash: string, allowCached = false): Promise<LookupResult> =>
    ask(() => sendMessage('lookup', { hash, allowCached })),
  lastLookup: (): Promise<LastLookupReply | { ok: false; error: LookupError }> => ask(() => sendMessage('lastLookup')),
  getSettings: (): Promise<SettingsReply | { ok: false; error: LookupError }> => ask(() => sendMessage('getSettings')),
  saveSettings: (request: SaveSettingsRequest): Promise<SaveSettingsReply | { ok: false; error: LookupError }> =>
    ask(() => sendMessage('saveSettings', request)),
  removeKey: (): Promise<SettingsReply | { ok: false; error: LookupError }> => ask(() => sendMessage('removeKey')),
  testConnection: (): Promise<TestConnectionReply> => ask(() => sendMessage('testConnection')),
  history: (): Promise<HistoryReply | { ok: false; error: LookupError }> => ask(() => sendMessage('history')),
  clearHistory: (): Promise<HistoryReply | { ok: false; error: LookupError }> => ask(() => sendMessage('clearHistory')),
};
