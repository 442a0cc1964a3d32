import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { KEEP_ALIVE_INTERVAL_MS, keepAliveDuring } from './keep-alive';

function answerAfter<T>(ms: number, value: T): Promise<T> {
  return new Promise((resolve) => setTimeout(() => resolve(value), ms));
}

describe('keepAliveDuring', () => {
  let calls: ReturnType<typeof vi.fn>;

  beforeEach(() => {
    vi.useFakeTimers();
    calls = vi.fn().mockResolvedValue({ os: 'linux', arch: 'x86-64' });
    // The fake browser has no runtime.getPlatformInfo: each call is counted here.
    (browser.runtime as unknown as { getPlatformInfo: unknown }).getPlatformInfo = calls;
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it.each([
    ['an answer within the interval', 0, KEEP_ALIVE_INTERVAL_MS - 1],
    ['an answer after 3.5 intervals', 3, KEEP_ALIVE_INTERVAL_MS * 3.5],
    ['an answer just past 60 s (the longest timeout)', 60_000 / KEEP_ALIVE_INTERVAL_MS, 60_500],
  ])('%s calls an extension API %i time(s), and none afterwards', async (_case, expected, answerMs) => {
    const result = keepAliveDuring(answerAfter(answerMs, 'card'));
    await vi.advanceTimersByTimeAsync(answerMs);
    await expect(result).resolves.toBe('card');
    expect(calls).toHaveBeenCalledTimes(expected);
    await vi.advanceTimersByTimeAsync(KEEP_ALIVE_INTERVAL_MS * 5);
    expect(calls).toHaveBeenCalledTimes(expected);
  });

  it('passes a failure on and stops calling', async () => {
    const failing = new Promise((_resolve, reject) => setTimeout(() => reject(new Error('aborted')), 2_500));
    const result = keepAliveDuring(failing);
    const settled = expect(result).rejects.toThrow('aborted');
    await vi.advanceTimersByTimeAsync(2_500);
    await settled;
    await vi.advanceTimersByTimeAsync(KEEP_ALIVE_INTERVAL_MS * 5);
    expect(calls).toHaveBeenCalledTimes(2);
  });

  it('a failing keep-alive call does not fail the work', async () => {
    calls.mockRejectedValue(new Error('background shutting down'));
    const result = keepAliveDuring(answerAfter(KEEP_ALIVE_INTERVAL_MS * 2, 'card'));
    await vi.advanceTimersByTimeAsync(KEEP_ALIVE_INTERVAL_MS * 2);
    await expect(result).resolves.toBe('card');
  });
});
