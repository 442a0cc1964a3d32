import { describe, expect, it } from 'vitest';
import type { RunProgress } from '../scheduler/outcome';
import { progressLine, timeLeftText } from './progress-line';

describe('timeLeftText', () => {
  it.each<[number | null, string | null]>([
    [null, null],
    [0, null],
    [-5, null],
    [Number.NaN, null],
    [Number.POSITIVE_INFINITY, null],
    [1, 'a few seconds left'],
    [9_999, 'a few seconds left'],
    [10_000, 'about 10 s left'],
    [38_000, 'about 40 s left'],
    [42_400, 'about 40 s left'],
    [57_400, 'about 55 s left'],
    [57_500, 'about 1 min left'],
    [90_000, 'about 2 min left'],
    [29 * 60_000, 'about 29 min left'],
    [59 * 60_000 + 29_000, 'about 59 min left'],
    [59 * 60_000 + 30_000, 'about 1 h left'],
    [3.6 * 3_600_000, 'about 4 h left'],
  ])('%s ms reads %j', (ms, expected) => {
    expect(timeLeftText(ms)).toBe(expected);
  });
});

describe('progressLine', () => {
  it.each<[RunProgress, string]>([
    [{ done: 0, errors: 0, total: 500, etaMs: null }, '0 of 500'],
    [{ done: 120, errors: 3, total: 500, etaMs: 40_000 }, '120 of 500 · 3 errors · about 40 s left'],
    [{ done: 120, errors: 1, total: 500, etaMs: 40_000 }, '120 of 500 · 1 error · about 40 s left'],
    [{ done: 120, errors: 0, total: 500, etaMs: 40_000 }, '120 of 500 · about 40 s left'],
    [{ done: 1_200, errors: 1_001, total: 5_000, etaMs: 600_000 }, '1,200 of 5,000 · 1,001 errors · about 10 min left'],
    [{ done: 500, errors: 2, total: 500, etaMs: 0 }, '500 of 500 · 2 errors'],
    [{ done: 500, errors: 0, total: 500, etaMs: 1_000 }, '500 of 500'],
  ])('%j reads %j', (progress, expected) => {
    expect(progressLine(progress)).toBe(expected);
  });
});
