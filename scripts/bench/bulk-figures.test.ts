import { describe, expect, it } from 'vitest';
import { longestFirst, longFramesLine, progressCounts, turnGaps } from './bulk-figures.ts';

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

describe('longFramesLine', () => {
  it('lists the frames longest first, each with its scripts and its rendering, in whole ms', () => {
    const frames = [
      { ms: 52.4, scriptMs: 3.2, renderMs: 45.6 },
      { ms: 61, scriptMs: 40.4, renderMs: 12 },
    ];
    expect(longFramesLine(frames)).toBe('61 (script 40, rendering 12), 52 (script 3, rendering 46)');
  });

  it('keeps the longest `count` only', () => {
    const frames = [51, 70, 60].map((ms) => ({ ms, scriptMs: 0, renderMs: ms }));
    expect(longFramesLine(frames, 2)).toBe('70 (script 0, rendering 70), 60 (script 0, rendering 60)');
  });

  it('says "none" when no frame was over 50 ms', () => {
    expect(longFramesLine([])).toBe('none');
  });
});

describe('longestFirst', () => {
  it('lists the `count` longest, longest first, as asked, and says "none" for none', () => {
    const whole = (d: number) => d.toFixed(0);
    expect(longestFirst([51.2, 88.6, 60], (d) => d, whole, 2)).toBe('89, 60');
    expect(longestFirst([], (d: number) => d, whole, 2)).toBe('none');
  });
});
