import { describe, expect, it } from 'vitest';
import {
  countAtMost,
  defined,
  elapsed,
  measuredPairs,
  median,
  pairedDifferences,
  pairedRatios,
  quantile,
} from './statistics.ts';

describe('quantile', () => {
  it.each([
    ['the middle of an odd count', [3, 1, 2], 0.5, 2],
    ['halfway between the middle two of an even count', [4, 1, 3, 2], 0.5, 2.5],
    ['p25, a quarter of the way from the 1st to the 2nd of four', [10, 20, 30, 40], 0.25, 17.5],
    ['p75, three quarters of the way from the 3rd to the 4th of four', [10, 20, 30, 40], 0.75, 32.5],
    ['p25 of five, exactly the 2nd', [50, 10, 40, 20, 30], 0.25, 20],
    ['the smallest at 0', [5, 9, 7], 0, 5],
    ['the largest at 1', [5, 9, 7], 1, 9],
    ['the one value, whatever q', [42], 0.75, 42],
    ['the finite values only: NaN and Infinity are left out', [NaN, 1, Infinity, 3], 0.5, 2],
  ])('%s', (_what, values, q, expected) => {
    expect(quantile(values, q)).toBeCloseTo(expected, 10);
  });

  it('is NaN when no value is finite, rather than 0', () => {
    expect(quantile([], 0.5)).toBeNaN();
    expect(quantile([NaN, -Infinity], 0.5)).toBeNaN();
  });

  it('leaves the samples in their order', () => {
    const samples = [3, 1, 2];
    quantile(samples, 0.5);
    expect(samples).toEqual([3, 1, 2]);
  });
});

describe('median', () => {
  it.each([
    [[7], 7],
    [[1, 100, 2], 2],
    [[1, 2, 3, 100], 2.5],
  ])('of %j is %d', (values, expected) => {
    expect(median(values)).toBe(expected);
  });
});

describe('paired samples', () => {
  it('divides each sample by its partner, not the medians', () => {
    // Medians 20 and 10 would give 2; the pairs say 1, 3 and 4.
    expect(pairedRatios([10, 30, 40], [10, 10, 10])).toEqual([1, 3, 4]);
    expect(median(pairedRatios([12, 20, 90], [10, 10, 30]))).toBe(2);
  });

  it('subtracts each sample’s partner', () => {
    expect(pairedDifferences([110, 120, 104], [100, 100, 104])).toEqual([10, 20, 0]);
  });

  it('refuses lists of different lengths: a missing sample would shift every later pair', () => {
    expect(() => pairedRatios([1, 2, 3], [1, 2])).toThrow('Paired samples differ in number: 3 and 2');
    expect(() => pairedDifferences([1], [])).toThrow(/differ in number/);
  });
});

describe('stamps', () => {
  it.each([
    [10, 25.5, 15.5],
    [null, 25, null],
    [10, null, null],
  ])('from %j to %j is %j', (from, to, expected) => {
    expect(elapsed(from, to)).toBe(expected);
  });

  it('keep only what was measured', () => {
    expect(defined([1, null, 0, null, 3])).toEqual([1, 0, 3]);
  });
});

describe('measuredPairs', () => {
  it('keeps only the pairs where both were measured, each with its own partner', () => {
    expect(measuredPairs([10, null, 30, 40], [1, 2, null, 4])).toEqual([
      [10, 40],
      [1, 4],
    ]);
  });

  it('refuses lists of different lengths: they are not pairs', () => {
    expect(() => measuredPairs([1, 2], [1])).toThrow('differ in number');
  });
});

describe('countAtMost', () => {
  it('counts the samples at or under the bar, the bar itself included', () => {
    expect(countAtMost([16.6, 16.7, 5, 40, NaN], 16.7)).toBe(3);
  });
});
