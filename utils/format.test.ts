import { describe, expect, it } from 'vitest';
import {
  formatCountdown,
  formatDurationRounded,
  formatUsdRounded,
  formatUsdShort,
  formatRelative,
  formatUpdated,
  formatUsd,
  formatUtc,
  formatUtcClock,
  parseTime,
  shortenHash,
  formatList,
} from './format';

const NOW = new Date('2026-11-26T14:05:00Z');
const at = (offsetMs: number) => new Date(NOW.getTime() + offsetMs);
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('formatUsd', () => {
  it.each<[number, string]>([
    [12.5, '$12.50'],
    [0, '$0.00'],
    [-0, '$0.00'],
    [0.01, '$0.01'],
    [0.009, '< $0.01'],
    [0.0001, '< $0.01'],
    [-0.004, '< $0.01'],
    [0.004999, '< $0.01'],
    [0.0099, '< $0.01'],
    [0.994, '$0.99'],
    [0.996, '$1.00'],
    [1234.5, '$1,234.50'],
    [1_000_000, '$1,000,000.00'],
    [-3, '-$3.00'],
    [Number.NaN, 'unknown'],
    [Number.POSITIVE_INFINITY, 'unknown'],
  ])('formatUsd(%d) is %s', (amount, expected) => {
    expect(formatUsd(amount)).toBe(expected);
  });

  it.each<[number, string, string]>([
    [12.5, 'de-DE', '12,50\u00a0$'],
    [0.001, 'de-DE', '< 0,01\u00a0$'],
    [1234.5, 'en-GB', 'US$1,234.50'],
  ])('formatUsd(%d, %s) follows the locale', (amount, locale, expected) => {
    expect(formatUsd(amount, locale)).toBe(expected);
  });
});

describe('parseTime', () => {
  it.each<[string | null | undefined, string | null]>([
    ['2026-11-26T14:05:00Z', '2026-11-26T14:05:00.000Z'],
    ['2026-11-26T14:05:00.123Z', '2026-11-26T14:05:00.123Z'],
    ['2026-11-26T14:05:00.123456789Z', '2026-11-26T14:05:00.123Z'],
    ['2026-11-26T14:05:00.5Z', '2026-11-26T14:05:00.500Z'],
    ['2026-11-26T14:05Z', '2026-11-26T14:05:00.000Z'],
    ['2026-11-26T16:05:00+02:00', '2026-11-26T14:05:00.000Z'],
    ['2026-11-26T09:35:00-0430', '2026-11-26T14:05:00.000Z'],
    ['2026-11-26 14:05:00+00', '2026-11-26T14:05:00.000Z'],
    ['  2026-11-26T14:05:00Z  ', '2026-11-26T14:05:00.000Z'],
    // The API's times are UTC: no offset must not mean "the machine's zone".
    ['2026-11-26T14:05:00', '2026-11-26T14:05:00.000Z'],
    ['2026-11-26', '2026-11-26T00:00:00.000Z'],
    ['2024-02-29T00:00:00Z', '2024-02-29T00:00:00.000Z'],
    ['2026-02-29T00:00:00Z', null],
    ['2026-02-30T00:00:00Z', null],
    ['2026-13-01T00:00:00Z', null],
    ['2026-00-10T00:00:00Z', null],
    ['2026-11-26T24:00:00Z', null],
    ['2026-11-26T14:60:00Z', null],
    ['2026-11-26T14:05:00+24:00', null],
    ['0099-01-01T00:00:00Z', null],
    ['Nov 26, 2026', null],
    ['1764165900000', null],
    ['2026-11-26T14:05:00Zjunk', null],
    ['', null],
    [null, null],
    [undefined, null],
  ])('parseTime(%j) is %s', (value, expected) => {
    expect(parseTime(value)?.toISOString() ?? null).toBe(expected);
  });
});

describe('formatRelative', () => {
  it.each<[number, string]>([
    [0, 'now'],
    [-59 * SECOND, 'now'],
    [59 * SECOND, 'now'],
    [-MINUTE, '1 minute ago'],
    [45 * MINUTE, 'in 45 minutes'],
    [59 * MINUTE + 29 * SECOND, 'in 59 minutes'],
    [59 * MINUTE + 31 * SECOND, 'in 1 hour'],
    [5 * HOUR, 'in 5 hours'],
    [-23 * HOUR, '23 hours ago'],
    [-DAY, 'yesterday'],
    [DAY, 'tomorrow'],
    [-3 * DAY, '3 days ago'],
    [-3 * DAY - 5 * HOUR, '3 days ago'],
    [-29 * DAY, '29 days ago'],
    [-30 * DAY, 'last month'],
    [-100 * DAY, '3 months ago'],
    [400 * DAY, 'next year'],
    [-3 * 365 * DAY, '3 years ago'],
  ])('%d ms from now reads %s', (offset, expected) => {
    expect(formatRelative(at(offset), NOW)).toBe(expected);
  });

  it.each<[string, number, string]>([
    ['de-DE', -3 * DAY, 'vor 3 Tagen'],
    ['fr-FR', 5 * HOUR, 'dans 5 heures'],
  ])('follows the locale %s', (locale, offset, expected) => {
    expect(formatRelative(at(offset), NOW, locale)).toBe(expected);
  });

  it('says unknown for an invalid date', () => {
    expect(formatRelative(new Date(Number.NaN), NOW)).toBe('unknown');
  });
});

describe('formatUtc', () => {
  it.each<[string, string | undefined, string]>([
    ['2026-11-26T14:05:59Z', undefined, 'Nov 26, 2026, 14:05 UTC'],
    ['2026-01-01T00:00:00Z', undefined, 'Jan 1, 2026, 00:00 UTC'],
    // The same instant that is still Dec 31 in New York, or already 23:30 of Nov 26 in India.
    ['2026-12-31T23:59:00-05:00', undefined, 'Jan 1, 2027, 04:59 UTC'],
    ['2026-11-26T14:05:00Z', 'en-GB', '26 Nov 2026, 14:05 UTC'],
  ])('formatUtc(%s, %s) is %s', (iso, locale, expected) => {
    expect(formatUtc(new Date(iso), locale)).toBe(expected);
  });

  it('says unknown for an invalid date', () => {
    expect(formatUtc(new Date(Number.NaN))).toBe('unknown');
  });
});

describe('formatUtcClock', () => {
  it.each<[string, string]>([
    ['2026-11-26T14:05:59Z', '14:05 UTC'],
    ['2026-11-26T00:00:00Z', '00:00 UTC'],
    ['2026-11-27T01:30:00+02:00', '23:30 UTC'],
  ])('formatUtcClock(%s) is %s', (iso, expected) => {
    expect(formatUtcClock(new Date(iso))).toBe(expected);
  });

  it('says unknown for an invalid date', () => {
    expect(formatUtcClock(new Date(Number.NaN))).toBe('unknown');
  });
});

describe('formatUpdated', () => {
  it.each<[number, string]>([
    [0, 'Updated just now'],
    [4.9 * SECOND, 'Updated just now'],
    [5 * SECOND, 'Updated 5 s ago'],
    [12 * SECOND, 'Updated 12 s ago'],
    [59.9 * SECOND, 'Updated 59 s ago'],
    [2 * MINUTE, 'Updated 2 minutes ago'],
    [3 * HOUR, 'Updated 3 hours ago'],
  ])('%i ms after the answer says "%s"', (elapsed, text) => {
    expect(formatUpdated(at(-elapsed), NOW)).toBe(text);
  });

  it('says unknown for a time it cannot read', () => {
    expect(formatUpdated(new Date(Number.NaN), NOW)).toBe('Updated: unknown');
  });
});

describe('formatCountdown', () => {
  it.each<[number, string]>([
    [5 * HOUR, '5 h'],
    [5 * HOUR + 12 * MINUTE + 59 * SECOND, '5 h 12 min'],
    [2 * DAY, '2 d'],
    [2 * DAY + 30 * MINUTE, '2 d'],
    [3 * DAY + 4 * HOUR + 59 * MINUTE, '3 d 4 h'],
    [45 * MINUTE, '45 min'],
    [45 * MINUTE + 59 * SECOND, '45 min'],
    [MINUTE, '1 min'],
    [59 * SECOND, '< 1 min'],
    [1, '< 1 min'],
    [0, '0 min'],
    [-HOUR, '0 min'],
    [DAY - 1, '23 h 59 min'],
    [31 * DAY, '31 d'],
  ])('%d ms left reads %s', (left, expected) => {
    expect(formatCountdown(at(left), NOW)).toBe(expected);
  });
});

describe('formatList', () => {
  it.each([
    [['Production'], 'Production'],
    [['Production', 'Staging'], 'Production and Staging'],
    [['Production', 'Staging', 'Client'], 'Production, Staging and Client'],
  ])('joins %j as "%s"', (names, text) => {
    expect(formatList(names)).toBe(text);
  });
});

describe('shortenHash', () => {
  it.each<[string, string]>([
    ['f01d5260c1b7a3e94c2f0d8b6a5e4c3b2a1908f7e6d5c4b3a29180f7e6d92ce9', 'f01d5260…d92ce9'],
    ['0123456789abcde', '0123456789abcde'],
    ['0123456789abcdef', '01234567…abcdef'],
    ['', ''],
  ])('shortenHash(%s) is %s', (hash, expected) => {
    expect(shortenHash(hash)).toBe(expected);
  });
});

describe('formatUsdRounded / formatUsdShort', () => {
  it.each([
    [48.3, '$48'],
    [1249.6, '$1,250'],
    [9.994, '$9.99'],
    [2.4, '$2.40'],
    [0, '$0.00'],
    [Number.NaN, 'unknown'],
  ])('about %d is %s', (amount, text) => {
    expect(formatUsdRounded(amount)).toBe(text);
  });

  it.each([
    [100, '$100'],
    [12.5, '$12.50'],
    [2500, '$2,500'],
  ])('a limit of %d reads %s', (amount, text) => {
    expect(formatUsdShort(amount)).toBe(text);
  });
});

describe('formatDurationRounded', () => {
  const MIN = 60_000;
  it.each([
    [10_000, '1 min'],
    [44.6 * MIN, '45 min'],
    [59.4 * MIN, '59 min'],
    [59.6 * MIN, '1 h'],
    [3 * 60 * MIN + 20 * MIN, '3 h'],
    [47 * 60 * MIN, '47 h'],
    [47.6 * 60 * MIN, '2 d'],
    [5.4 * 24 * 60 * MIN, '5 d'],
    [Number.POSITIVE_INFINITY, 'unknown'],
  ])('%d ms is about %s', (ms, text) => {
    expect(formatDurationRounded(ms)).toBe(text);
  });
});
