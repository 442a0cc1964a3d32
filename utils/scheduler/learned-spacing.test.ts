// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { FORGET_AFTER_MS, LearnedSpacing, RATE_WINDOW_MS, SPACING_MARGIN } from './learned-spacing';

/** Requests let go every `every` ms from `from`, `count` of them. */
function letGo(spacing: LearnedSpacing, from: number, every: number, count: number): number {
  for (let i = 0; i < count; i++) spacing.went(from + i * every);
  return from + (count - 1) * every;
}

describe('LearnedSpacing', () => {
  it('holds nothing before a 429', () => {
    const spacing = new LearnedSpacing();
    const last = letGo(spacing, 0, 5, 50);
    expect(spacing.nextAt(last)).toBe(last);
  });

  it('after a 429, spaces requests at the rate that got through in the second before, a little wider', () => {
    const spacing = new LearnedSpacing();
    // 24 let go within 120 ms; the server let 20 through, and the 4 in flight come back 429.
    const last = letGo(spacing, 10_000, 5, 24);
    spacing.limited(last + 10, 4);
    const gap = (RATE_WINDOW_MS / 20) * SPACING_MARGIN;
    expect(spacing.nextAt(last + 10)).toBeCloseTo(last + gap);
    spacing.went(12_000);
    expect(spacing.nextAt(12_001)).toBeCloseTo(12_000 + gap);
    // Held only until then.
    expect(spacing.nextAt(12_000 + gap + 1)).toBeCloseTo(12_000 + gap + 1);
  });

  it('counts only the last window: requests let go earlier say nothing of the rate', () => {
    const spacing = new LearnedSpacing();
    letGo(spacing, 0, 10, 50);
    const last = letGo(spacing, 5_000, 100, 5);
    spacing.limited(last, 1);
    // 5 let go in the window, 1 in flight: 4 per second got through.
    expect(spacing.nextAt(last)).toBeCloseTo(last + (RATE_WINDOW_MS / 4) * SPACING_MARGIN);
  });

  it('learns nothing from a 429 when none of its own requests got through (others used the limit)', () => {
    const spacing = new LearnedSpacing();
    spacing.went(1_000);
    spacing.limited(1_050, 1);
    expect(spacing.nextAt(1_060)).toBe(1_060);
  });

  it('only ever slows on a later 429, and forgets the rate after a calm minute', () => {
    const spacing = new LearnedSpacing();
    let last = letGo(spacing, 0, 5, 12);
    spacing.limited(last, 2);
    const slow = (RATE_WINDOW_MS / 10) * SPACING_MARGIN;
    // A later burst that got more through does not speed the pace up.
    last = letGo(spacing, 2_000, 5, 40);
    spacing.limited(last, 2);
    expect(spacing.nextAt(last)).toBeCloseTo(last + slow);
    expect(spacing.nextAt(last + FORGET_AFTER_MS + 1)).toBe(last + FORGET_AFTER_MS + 1);
  });
});
