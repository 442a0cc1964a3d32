import { DAY_MS, HOUR_MS, MINUTE_MS, SECOND_MS } from './time';

/** What every formatter shows for a value it cannot format (NaN, Infinity, an invalid Date). */
export const UNKNOWN_TEXT = 'unknown';

/**
 * One formatter per locale and kind: building an Intl formatter costs far more than using one,
 * and a card formats a dozen amounts and dates on every render.
 */
function memoized<T>(make: (locale: string) => T): (locale: string) => T {
  const made = new Map<string, T>();
  return (locale) => {
    let formatter = made.get(locale);
    if (!formatter) made.set(locale, (formatter = make(locale)));
    return formatter;
  };
}

const usdFormat = memoized(
  (locale) =>
    new Intl.NumberFormat(locale, {
      style: 'currency',
      currency: 'USD',
      minimumFractionDigits: 2,
      maximumFractionDigits: 2,
    }),
);
const wholeUsd = { style: 'currency', currency: 'USD', minimumFractionDigits: 0, maximumFractionDigits: 0 } as const;
const wholeUsdFormat = memoized((locale) => new Intl.NumberFormat(locale, wholeUsd));
const countFormat = memoized((locale) => new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }));
const relativeFormat = memoized((locale) => new Intl.RelativeTimeFormat(locale, { numeric: 'auto' }));
const utcFormat = memoized(
  (locale) =>
    new Intl.DateTimeFormat(locale, {
      timeZone: 'UTC',
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }),
);
const listFormat = memoized((locale) => new Intl.ListFormat(locale, { type: 'conjunction' }));
const utcClockFormat = memoized(
  (locale) =>
    new Intl.DateTimeFormat(locale, { timeZone: 'UTC', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
);

/**
 * US dollars with cents: "$12.50", "$0.00". A non-zero amount that would round to "$0.00"
 * reads "< $0.01", so a key that has spent something never looks unused.
 */
export function formatUsd(amount: number, locale = 'en-US'): string {
  if (!Number.isFinite(amount)) return UNKNOWN_TEXT;
  const usd = usdFormat(locale);
  if (amount !== 0 && Math.abs(amount) < 0.01) return `< ${usd.format(0.01)}`;
  // -0 must not read "-$0.00".
  return usd.format(amount === 0 ? 0 : amount);
}

/** An amount to say "about": whole dollars from $10 up ("$48"), cents below ("$2.40"). */
export function formatUsdRounded(amount: number, locale = 'en-US'): string {
  if (!Number.isFinite(amount)) return UNKNOWN_TEXT;
  if (Math.abs(amount) < 10) return formatUsd(amount, locale);
  return wholeUsdFormat(locale).format(Math.round(amount));
}

/** A limit as people say it: "$100" for a whole amount, "$12.50" otherwise. */
export function formatUsdShort(amount: number, locale = 'en-US'): string {
  if (!Number.isFinite(amount)) return UNKNOWN_TEXT;
  return Number.isInteger(amount) ? wholeUsdFormat(locale).format(amount) : formatUsd(amount, locale);
}

const ISO_8601 =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?)?(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

/**
 * An ISO 8601 date or date-time, or null. Stricter than `Date.parse`, which turns "Feb 30" into
 * March 2 and reads a time without an offset in the machine's zone: the API's times are UTC
 * (spec: "ISO 8601 UTC timestamp"), so a missing offset means UTC here.
 */
export function parseTime(value: string | null | undefined): Date | null {
  if (value == null) return null;
  const match = ISO_8601.exec(value.trim());
  if (match === null) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', fraction = '', offset = 'Z'] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const ms = Number(fraction.padEnd(3, '0').slice(0, 3));
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const time = utc - offsetMinutes(offset) * MINUTE_MS;
  // Date.UTC maps years 0–99 to 1900–1999; such dates are not real API times anyway.
  if (year < 1000 || Number.isNaN(time)) return null;
  return new Date(time);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Minutes east of UTC; NaN for an offset no zone has. */
function offsetMinutes(offset: string): number {
  if (offset === 'Z' || offset === 'z') return 0;
  const sign = offset.startsWith('-') ? -1 : 1;
  const digits = offset.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2) || '0');
  if (hours > 23 || minutes > 59) return Number.NaN;
  return sign * (hours * 60 + minutes);
}

/** The largest unit that keeps the number small, as Intl.RelativeTimeFormat words it. */
const RELATIVE_UNITS: readonly [Intl.RelativeTimeFormatUnit, number, number][] = [
  // unit, its length, and how many of it before the next unit takes over
  ['minute', MINUTE_MS, 60],
  ['hour', HOUR_MS, 24],
  ['day', DAY_MS, 30],
  ['month', DAY_MS * 30.436875, 12],
];

/** "3 days ago", "in 5 hours", "yesterday", "now" (under a minute either way). */
export function formatRelative(target: Date, now: Date, locale = 'en-US'): string {
  const diff = target.getTime() - now.getTime();
  if (Number.isNaN(diff)) return UNKNOWN_TEXT;
  const words = relativeFormat(locale);
  if (Math.abs(diff) < MINUTE_MS) return words.format(0, 'second');
  for (const [unit, length, limit] of RELATIVE_UNITS) {
    const count = Math.round(diff / length);
    if (Math.abs(count) < limit) return words.format(count, unit);
  }
  return words.format(Math.round(diff / (DAY_MS * 365.2425)), 'year');
}

/** "Nov 26, 2026, 14:05 UTC": the exact time, the same for every user whatever their zone. */
export function formatUtc(date: Date, locale = 'en-US'): string {
  if (Number.isNaN(date.getTime())) return UNKNOWN_TEXT;
  const text = utcFormat(locale).format(date);
  return `${text} UTC`;
}

/** "14:05 UTC": the clock time alone, for a time later today. */
export function formatUtcClock(date: Date, locale = 'en-US'): string {
  if (Number.isNaN(date.getTime())) return UNKNOWN_TEXT;
  return `${utcClockFormat(locale).format(date)} UTC`;
}

/** "Updated 12 s ago": seconds count while a cached card is refreshed; later, plain relative time. */
export function formatUpdated(fetchedAt: Date, now: Date): string {
  const seconds = Math.floor((now.getTime() - fetchedAt.getTime()) / SECOND_MS);
  if (Number.isNaN(seconds)) return 'Updated: unknown';
  if (seconds < 5) return 'Updated just now';
  if (seconds < 60) return `Updated ${seconds} s ago`;
  return `Updated ${formatRelative(fetchedAt, now)}`;
}

/**
 * Time left, in at most two units, rounded down so it never promises more time than there is:
 * "3 d 4 h", "2 d", "5 h 12 min", "45 min", "< 1 min"; "0 min" once the target has passed.
 */
export function formatCountdown(target: Date, now: Date): string {
  const left = target.getTime() - now.getTime();
  if (Number.isNaN(left)) return UNKNOWN_TEXT;
  if (left <= 0) return '0 min';
  if (left < MINUTE_MS) return '< 1 min';
  const days = Math.floor(left / DAY_MS);
  const hours = Math.floor((left % DAY_MS) / HOUR_MS);
  const minutes = Math.floor((left % HOUR_MS) / MINUTE_MS);
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0) return minutes > 0 ? `${hours} h ${minutes} min` : `${hours} h`;
  return `${minutes} min`;
}

/** A length of time in one rounded unit, for "about": "45 min" (at least 1), "3 h" below 2 days, "5 d". */
export function formatDurationRounded(ms: number, locale = 'en-US'): string {
  if (!Number.isFinite(ms)) return UNKNOWN_TEXT;
  const count = countFormat(locale);
  if (ms < HOUR_MS - MINUTE_MS / 2) return `${count.format(Math.max(1, Math.round(ms / MINUTE_MS)))} min`;
  if (ms < 2 * DAY_MS - HOUR_MS / 2) return `${count.format(Math.round(ms / HOUR_MS))} h`;
  return `${count.format(Math.round(ms / DAY_MS))} d`;
}

/** "f01d5260…d92ce9": the first 8 and last 6 characters, enough to tell hashes apart. */
export function shortenHash(hash: string): string {
  if (hash.length <= 8 + 1 + 6) return hash;
  return `${hash.slice(0, 8)}…${hash.slice(-6)}`;
}

/** Names as one phrase: "Production", "Production and Staging", "Production, Staging and Client". */
export function formatList(names: readonly string[], locale = 'en-GB'): string {
  return listFormat(locale).format(names);
}
