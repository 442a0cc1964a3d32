import { describe, expect, it } from 'vitest';
import { nextLimitReset } from './limit-reset';

describe('nextLimitReset', () => {
  it.each<[string | null | undefined, string, string | null]>([
    // 2026-11-26 is a Thursday.
    ['daily', '2026-11-26T14:05:00Z', '2026-11-27T00:00:00.000Z'],
    ['daily', '2026-11-26T00:00:00Z', '2026-11-27T00:00:00.000Z'],
    ['daily', '2026-11-26T23:59:59.999Z', '2026-11-27T00:00:00.000Z'],
    ['daily', '2026-12-31T12:00:00Z', '2027-01-01T00:00:00.000Z'],
    ['daily', '2028-02-28T12:00:00Z', '2028-02-29T00:00:00.000Z'],
    ['weekly', '2026-11-26T14:05:00Z', '2026-11-30T00:00:00.000Z'],
    ['weekly', '2026-11-29T23:59:59Z', '2026-11-30T00:00:00.000Z'],
    ['weekly', '2026-11-30T00:00:00Z', '2026-12-07T00:00:00.000Z'],
    ['weekly', '2026-11-30T00:00:01Z', '2026-12-07T00:00:00.000Z'],
    ['weekly', '2026-12-01T09:00:00Z', '2026-12-07T00:00:00.000Z'],
    ['weekly', '2026-12-30T09:00:00Z', '2027-01-04T00:00:00.000Z'],
    ['monthly', '2026-11-26T14:05:00Z', '2026-12-01T00:00:00.000Z'],
    ['monthly', '2026-12-01T00:00:00Z', '2027-01-01T00:00:00.000Z'],
    ['monthly', '2026-12-31T23:59:59Z', '2027-01-01T00:00:00.000Z'],
    ['monthly', '2026-01-31T12:00:00Z', '2026-02-01T00:00:00.000Z'],
    // UTC, not the local calendar: 23:30 on the 30th in New York is already the 1st in UTC.
    ['monthly', '2026-11-30T23:30:00-05:00', '2027-01-01T00:00:00.000Z'],
    ['DAILY', '2026-11-26T14:05:00Z', '2026-11-27T00:00:00.000Z'],
    ['Weekly', '2026-11-26T14:05:00Z', '2026-11-30T00:00:00.000Z'],
    [' monthly\n', '2026-11-26T14:05:00Z', '2026-12-01T00:00:00.000Z'],
    ['yearly', '2026-11-26T14:05:00Z', null],
    ['day', '2026-11-26T14:05:00Z', null],
    ['', '2026-11-26T14:05:00Z', null],
    [null, '2026-11-26T14:05:00Z', null],
    [undefined, '2026-11-26T14:05:00Z', null],
    ['daily', 'not a date', null],
  ])('%j at %s resets at %s', (limitReset, now, expected) => {
    expect(nextLimitReset(limitReset, new Date(now))?.toISOString() ?? null).toBe(expected);
  });
});
