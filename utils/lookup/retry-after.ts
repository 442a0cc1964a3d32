import { DAY_MS } from '../time';

/** A server asking for a longer wait is broken or hostile; the user is told to wait a moment instead. */
export const MAX_RETRY_AFTER_MS = DAY_MS;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/**
 * The three HTTP-date forms a recipient must accept (RFC 9110 §5.6.7), all in GMT:
 * IMF-fixdate "Sun, 06 Nov 1994 08:49:37 GMT", RFC 850 "Sunday, 06-Nov-94 08:49:37 GMT" and
 * asctime "Sun Nov  6 08:49:37 1994". The weekday is not checked against the date.
 */
const IMF_FIXDATE = /^[a-z]{3}, (\d{2}) ([a-z]{3}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) gmt$/i;
const RFC_850 = /^[a-z]{6,9}, (\d{2})-([a-z]{3})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) gmt$/i;
const ASCTIME = /^[a-z]{3} ([a-z]{3}) ([ \d]\d) (\d{2}):(\d{2}):(\d{2}) (\d{4})$/i;

/**
 * When a 429's Retry-After header allows the next try: delay seconds ("120") or an HTTP date.
 * undefined for a missing, malformed or negative value, or one more than a day away; a date
 * already past means now.
 */
export function parseRetryAfter(header: string | null, now: Date): Date | undefined {
  if (header === null || Number.isNaN(now.getTime())) return undefined;
  const value = header.trim();
  const at = /^\d+$/.test(value) ? now.getTime() + Number(value) * 1000 : httpDate(value, now);
  if (at === undefined || at - now.getTime() > MAX_RETRY_AFTER_MS) return undefined;
  return new Date(Math.max(at, now.getTime()));
}

function httpDate(value: string, now: Date): number | undefined {
  let match = IMF_FIXDATE.exec(value);
  if (match !== null) {
    const [, day = '', month = '', year = '', h = '', m = '', s = ''] = match;
    return utc(Number(year), month, Number(day), h, m, s);
  }
  match = RFC_850.exec(value);
  if (match !== null) {
    const [, day = '', month = '', yy = '', h = '', m = '', s = ''] = match;
    // RFC 9110: a two-digit year that would be more than 50 years ahead is in the past century.
    const thisYear = now.getUTCFullYear();
    let year = thisYear - (thisYear % 100) + Number(yy);
    if (year > thisYear + 50) year -= 100;
    else if (year <= thisYear - 50) year += 100;
    return utc(year, month, Number(day), h, m, s);
  }
  match = ASCTIME.exec(value);
  if (match !== null) {
    const [, month = '', day = '', h = '', m = '', s = '', year = ''] = match;
    return utc(Number(year), month, Number(day.trim()), h, m, s);
  }
  return undefined;
}

function utc(year: number, monthName: string, day: number, h: string, m: string, s: string): number | undefined {
  const month = MONTHS.indexOf(monthName.toLowerCase());
  const hour = Number(h);
  const minute = Number(m);
  const second = Number(s);
  if (month === -1 || hour > 23 || minute > 59 || second > 60) return undefined;
  const time = Date.UTC(year, month, day, hour, minute, Math.min(second, 59));
  // Date.UTC rolls 31 Feb over into March; such a date is malformed, not a date in March.
  return new Date(time).getUTCDate() === day ? time : undefined;
}
