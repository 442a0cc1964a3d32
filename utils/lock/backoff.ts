import { SECOND_MS } from '../time';

/** Wrong passphrases in a row that cost nothing; each one after them doubles the wait. */
export const FREE_TRIES = 5;
export const MAX_WAIT_MS = 60 * SECOND_MS;

/** The wrong passphrases in a row, and when the last one was tried (stored, so that a restarted
 * worker keeps the wait). */
export interface UnlockFailures {
  count: number;
  /** ISO time of the last wrong try; null when there has been none. */
  lastAt: string | null;
}

export const NO_FAILURES: UnlockFailures = { count: 0, lastAt: null };

/** The wait after `count` wrong tries in a row: none for the first 5, then 1 s, 2 s, 4 s … 60 s. */
export function waitAfter(count: number): number {
  if (count < FREE_TRIES) return 0;
  return Math.min(MAX_WAIT_MS, SECOND_MS * 2 ** (count - FREE_TRIES));
}

/** When the next try may be made; null when it may be made now. */
export function nextTryAt(failures: UnlockFailures, now: Date): Date | null {
  const wait = waitAfter(failures.count);
  const last = failures.lastAt === null ? Number.NaN : Date.parse(failures.lastAt);
  if (wait === 0 || Number.isNaN(last)) return null;
  // A clock set back must not make the wait longer than the wait itself.
  const at = Math.min(last, now.getTime()) + wait;
  return at > now.getTime() ? new Date(at) : null;
}

/** The failures after one more wrong try at `now`. */
export function withFailure(failures: UnlockFailures, now: Date): UnlockFailures {
  return { count: failures.count + 1, lastAt: now.toISOString() };
}

/** "Wait 4 seconds before trying again." */
export function waitWords(until: Date, now: Date): string {
  const seconds = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / SECOND_MS));
  return `Wait ${seconds} ${seconds === 1 ? 'second' : 'seconds'} before trying again.`;
}
