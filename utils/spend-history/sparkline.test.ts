import { describe, expect, it } from 'vitest';
import type { SpendSample } from './samples';
import { SPARK_POINTS, sparkPath, sparkValues } from './sparkline';

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 11, 2, 18);
const s = (hoursAgo: number, remaining: number, fields: Partial<SpendSample> = {}): SpendSample => ({
  at: NOW - hoursAgo * HOUR,
  total: 300,
  period: 100 - remaining,
  limit: 100,
  remaining,
  ...fields,
});

describe('sparkValues', () => {
  it('is what is used of the limit over the last 14 days, oldest first', () => {
    expect(sparkValues([s(15 * 24, 99), s(48, 80), s(24, 60), s(0, 40)], NOW)).toEqual([20, 40, 60]);
  });

  it('is the spend in all without a limit', () => {
    const free = (h: number, total: number) => s(h, 0, { limit: null, remaining: null, total });
    expect(sparkValues([free(2, 10), free(1, 12.5)], NOW)).toEqual([10, 12.5]);
  });

  it('keeps at most 32 values, the first and the newest among them', () => {
    const many = Array.from({ length: 300 }, (_, i) => s((300 - i) / 2, 100 - i / 10));
    const values = sparkValues(many, NOW);
    expect(values).toHaveLength(SPARK_POINTS);
    expect(values[0]).toBeCloseTo(0, 5);
    expect(values.at(-1)).toBeCloseTo(29.9, 5);
  });
});

describe('sparkPath', () => {
  it('fits the values to the box, the highest at the top', () => {
    expect(sparkPath([0, 5, 10], 60, 16)).toBe('0.0,15.0 30.0,8.0 60.0,1.0');
    expect(sparkPath([7], 60, 16)).toBe('');
    expect(sparkPath([3, 3], 60, 16)).toBe('0.0,15.0 60.0,15.0');
  });
});
