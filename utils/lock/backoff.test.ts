import { describe, expect, it } from 'vitest';
import { NO_FAILURES, nextTryAt, waitAfter, waitWords, withFailure } from './backoff';

const NOW = new Date('2026-03-01T12:00:00.000Z');
const at = (ms: number) => new Date(NOW.getTime() + ms);

describe('unlock back-off', () => {
  it.each([
    [0, 0],
    [4, 0],
    [5, 1000],
    [6, 2000],
    [7, 4000],
    [10, 32_000],
    [11, 60_000],
    [40, 60_000],
  ])('after %i wrong tries in a row the next waits %i ms', (count, wait) => {
    expect(waitAfter(count)).toBe(wait);
  });

  it('lets the first five wrong tries through at once, then makes each further one wait longer', () => {
    let failures = NO_FAILURES;
    for (let i = 0; i < 5; i++) {
      expect(nextTryAt(failures, NOW)).toBeNull();
      failures = withFailure(failures, NOW);
    }
    expect(nextTryAt(failures, NOW)).toEqual(at(1000));
    expect(nextTryAt(failures, at(999))).toEqual(at(1000));
    expect(nextTryAt(failures, at(1000))).toBeNull();
    failures = withFailure(failures, at(1000));
    expect(nextTryAt(failures, at(1000))).toEqual(at(3000));
  });

  it('never waits longer than the wait itself when the clock was set back', () => {
    const failures = { count: 5, lastAt: at(3_600_000).toISOString() };
    expect(nextTryAt(failures, NOW)).toEqual(at(1000));
  });

  it('says the wait in words, rounded up', () => {
    expect(waitWords(at(1000), NOW)).toBe('Wait 1 second before trying again.');
    expect(waitWords(at(3500), NOW)).toBe('Wait 4 seconds before trying again.');
    expect(waitWords(at(60_000), NOW)).toBe('Wait 60 seconds before trying again.');
  });
});
