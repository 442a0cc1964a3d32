import { describe, expect, it } from 'vitest';
import { AUTO_LOCK_CHOICES, autoLockLabel, isAutoLockChoice, isAutoLockDue } from './lock-settings';

const USED = new Date('2026-03-01T12:00:00.000Z');
const after = (minutes: number) => new Date(USED.getTime() + minutes * 60_000);

describe('auto-lock', () => {
  it('offers 15 min, 1 h, 4 h, 8 h and never', () => {
    expect(AUTO_LOCK_CHOICES.map(autoLockLabel)).toEqual(['15 minutes', '1 hour', '4 hours', '8 hours', 'Never']);
  });

  it.each([
    [15, 14.99, false],
    [15, 15, true],
    [60, 59, false],
    [60, 61, true],
    [480, 479, false],
    [480, 480, true],
    [0, 100_000, false],
  ] as const)('with %i minutes, %d minutes after the last use: due %s', (minutes, elapsed, due) => {
    expect(isAutoLockDue(USED, minutes, after(elapsed))).toBe(due);
  });

  it.each([15, 60, 240, 480, 0])('takes %i', (value) => expect(isAutoLockChoice(value)).toBe(true));
  it.each([1, 30, -1, '60', null, Number.NaN])('refuses %s', (value) => expect(isAutoLockChoice(value)).toBe(false));
});
