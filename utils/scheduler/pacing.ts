/**
 * How hard one account's API is asked during a run: how many requests at once, and how long to
 * wait after a 429. Kept apart from the queue so the rules read, and are tested, on their own.
 */

import { DEFAULT_CONCURRENCY, MAX_CONCURRENCY, MIN_CONCURRENCY } from '../settings/settings';

// The range is a setting (the options page's "Lookups at once per account"): it lives there.
export { DEFAULT_CONCURRENCY, MAX_CONCURRENCY, MIN_CONCURRENCY };

/** The longest pause after repeated 429s without a Retry-After. */
export const MAX_BACKOFF_MS = 60_000;

/**
 * After a 429 an account goes one request at a time, and gets one more in flight per this long
 * without another: a server that limits a rate is not helped by more requests at once, and all
 * the requests in flight when the limit is hit come back 429.
 */
export const RAMP_UP_MS = 10_000;

/** Time, sleep and chance for a run: the system's, or a fake one in tests. */
export interface RunClock {
  now(): number;
  /** Resolves after `ms`, or rejects when `signal` aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
  /** In [0, 1): spreads backoff waits. */
  random(): number;
}

export const SYSTEM_CLOCK: RunClock = {
  now: () => Date.now(),
  random: () => Math.random(),
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal.reason);
      };
      const timer = setTimeout(() => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal.addEventListener('abort', onAbort, { once: true });
    }),
};

export function clampConcurrency(value: number | undefined): number {
  if (value === undefined || !Number.isFinite(value)) return DEFAULT_CONCURRENCY;
  return Math.min(MAX_CONCURRENCY, Math.max(MIN_CONCURRENCY, Math.round(value)));
}

/**
 * The wait after the nth 429 in a row (from 0) when the server gave no Retry-After: 1, 2, 4 …
 * seconds up to a minute, each stretched by up to a fifth at random so that accounts and
 * browsers that hit the limit together do not all come back at the same moment.
 */
export function backoffDelay(attempt: number, random: number): number {
  const base = 1000 * 2 ** Math.min(Math.max(0, attempt), 16);
  return Math.min(MAX_BACKOFF_MS, Math.round(base * (1 + Math.min(Math.max(random, 0), 1) / 5)));
}

/** One account's pace during a run. Times are the run clock's milliseconds. */
export class AccountPacing {
  /** Requests allowed in flight now. */
  limit: number;
  /** No request starts before this time. */
  pausedUntil = 0;
  private starts = 0;
  /** Requests started before this count belong to the burst that caused the latest pause. */
  private pauseStarts = 0;
  private backoffLevel = 0;
  private calmSince = 0;

  constructor(private readonly full: number) {
    this.limit = full;
  }

  /** A request starts; the number it returns is handed back if it ends in a 429. */
  started(): number {
    return this.starts++;
  }

  /** A final answer (found, not found, failed): the backoff starts over, and the pace climbs back. */
  answered(now: number): void {
    this.backoffLevel = 0;
    if (this.limit < this.full && now - this.calmSince >= RAMP_UP_MS) {
      this.limit += 1;
      this.calmSince = now;
    }
  }

  /** A 429 for the request numbered `started`: pause until Retry-After, or back off. */
  rateLimited(started: number, retryAfterMs: number | undefined, now: number, random: number): void {
    // The other requests of the burst that hit the limit come back 429 too: one pause for all.
    const sameBurst = started < this.pauseStarts;
    if (!sameBurst) {
      this.pauseStarts = this.starts;
      this.limit = 1;
      this.calmSince = now;
    }
    // "Retry-After: 0" after a 429 would ask again at once, forever: it gets the backoff instead.
    let wait = retryAfterMs ?? 0;
    if (wait <= 0 && !sameBurst) wait = backoffDelay(this.backoffLevel++, random);
    this.pausedUntil = Math.max(this.pausedUntil, now + wait);
  }
}
