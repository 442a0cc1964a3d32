// A watched key's spend history as the extension stores it (utils/spend-history/stored.ts), made
// up for 90 days: what the bench and the screenshots put in storage.local, since 90 days of checks
// cannot be waited for. The format is checked against the extension's own decoder in
// seed-history.test.ts. Runs under plain `node`: erasable TypeScript only.

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
const DAY_MS = 24 * HOUR_MS;

/** One key's stored history: columns of whole numbers (seconds as deltas, cents). */
export interface SeededSeries {
  hash: string;
  accountId: string;
  reset: string | null;
  t: number[];
  total: (number | null)[];
  period: (number | null)[];
  limit: (number | null)[];
  remaining: (number | null)[];
}

/**
 * 90 days of a key with a monthly limit of `limit` dollars, thinned as the extension thins (every
 * 30 minutes for 48 h, hourly to 14 days, daily to 90): spend grows through each month, faster on
 * weekdays, and starts over on the 1st.
 */
export function seedSeries(options: { hash: string; accountId: string; now: Date; limit?: number }): SeededSeries {
  const limit = options.limit ?? 100;
  const now = options.now.getTime();
  const times: number[] = [];
  for (let at = now - 90 * DAY_MS; at <= now;) {
    times.push(at);
    const age = now - at;
    at += age > 14 * DAY_MS ? DAY_MS : age > 2 * DAY_MS ? HOUR_MS : 30 * MINUTE_MS;
  }
  let total = 250;
  let period = 0;
  let month = -1;
  const series: SeededSeries = {
    hash: options.hash,
    accountId: options.accountId,
    reset: 'monthly',
    t: [],
    total: [],
    period: [],
    limit: [],
    remaining: [],
  };
  let previous = 0;
  for (const at of times) {
    const date = new Date(at);
    if (date.getUTCMonth() !== month) {
      month = date.getUTCMonth();
      period = 0;
    }
    const hours = previous === 0 ? 0 : (at - previous) / HOUR_MS;
    const weekday = date.getUTCDay() % 6 !== 0;
    const spend = Math.min(hours * (weekday ? 0.11 : 0.04) * (1 + 0.3 * Math.sin(at / DAY_MS)), limit - period);
    period += Math.max(0, spend);
    total += Math.max(0, spend);
    const second = Math.round(at / 1000);
    series.t.push(previous === 0 ? second : second - Math.round(previous / 1000));
    series.total.push(Math.round(total * 100));
    series.period.push(Math.round(period * 100));
    series.limit.push(Math.round(limit * 100));
    series.remaining.push(Math.round((limit - period) * 100));
    previous = at;
  }
  return series;
}

/** What an extension page runs to store the history (with the item's version, as the worker writes it). */
export function storeHistoryScript(series: SeededSeries[]): string {
  return `chrome.storage.local.set(${JSON.stringify({ spendHistory: series, spendHistory$: { v: 1 } })})`;
}
