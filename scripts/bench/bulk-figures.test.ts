import { describe, expect, it } from 'vitest';
import { progressCounts, turnGaps } from './bulk-figures.ts';

describe('turnGaps', () => {
  it('measures each request from the answer whose turn it took', () => {
    // Two at once, 25 ms answers: the third request takes the first one's turn (free at 25).
    expect(turnGaps([0, 1, 30, 33, 62], 2, 25)).toEqual([5, 7, 7]);
  });

  it('sorts the arrivals first (the log is in arrival order, but a merged one may not be)', () => {
    expect(turnGaps([30, 0, 33, 1], 2, 25)).toEqual([5, 7]);
  });

  it('has no gap for the first `concurrency` requests, nor for a run shorter than that', () => {
    expect(turnGaps([0, 1, 2, 3], 4, 25)).toEqual([]);
    expect(turnGaps([], 4, 25)).toEqual([]);
  });
});

describe('progressCounts', () => {
  it.each([
    ['22 of 22', { done: 22, total: 22 }],
    ['1,200 of 5,000 · 3 errors · about 40 s left', { done: 1200, total: 5000 }],
    ['  11 of 11 · cancelled', { done: 11, total: 11 }],
  ])('reads "%s"', (line, expected) => {
    expect(progressCounts(line)).toEqual(expected);
  });

  it('is null for a line that does not start with the counts', () => {
    expect(progressCounts('Looking up…')).toBeNull();
    expect(progressCounts('')).toBeNull();
  });
});
