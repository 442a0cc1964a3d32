import type { SpendSample } from './samples';

/**
 * How a key's samples are stored (`local:spendHistory`): as columns of whole numbers, which JSON
 * keeps short. Times are seconds, the first since the epoch and each next one after the one before;
 * amounts are cents (the API's figures are dollars with cents). 200 keys × 90 days fit in about
 * 2 MB (utils/spend-history/stored.test.ts), under the cap and the browser's quota.
 */
export interface StoredSeries {
  hash: string;
  accountId: string;
  /** The key's reset period at its last sample ("daily", "weekly", "monthly"), for the chart's marks. */
  reset: string | null;
  t: number[];
  total: (number | null)[];
  period: (number | null)[];
  limit: (number | null)[];
  remaining: (number | null)[];
}

/**
 * The most the history may take in storage. Chrome gives `storage.local` 10 MiB in all
 * (`QUOTA_BYTES`), counted as the JSON of each item; the history keeps to 4 MiB of it, leaving the
 * rest to the settings, the lookup history and the watchlist.
 */
export const HISTORY_CAP_BYTES = 4 * 1024 * 1024;
/** chrome.storage.local.QUOTA_BYTES: what the whole area may hold without `unlimitedStorage`. */
export const BROWSER_QUOTA_BYTES = 10 * 1024 * 1024;

const cents = (dollars: number | null) => (dollars === null ? null : Math.round(dollars * 100));
const dollars = (cents: number | null | undefined) => (cents == null ? null : cents / 100);

export function encodeSeries(
  id: { hash: string; accountId: string },
  reset: string | null,
  samples: readonly SpendSample[],
): StoredSeries {
  const seconds = samples.map((s) => Math.round(s.at / 1000));
  return {
    hash: id.hash,
    accountId: id.accountId,
    reset,
    t: seconds.map((second, i) => (i === 0 ? second : second - (seconds[i - 1] ?? 0))),
    total: samples.map((s) => cents(s.total)),
    period: samples.map((s) => cents(s.period)),
    limit: samples.map((s) => cents(s.limit)),
    remaining: samples.map((s) => cents(s.remaining)),
  };
}

/** The samples of a stored series; columns of unequal length (a damaged record) give the shortest. */
export function decodeSeries(series: StoredSeries): SpendSample[] {
  const count = Math.min(
    series.t.length,
    series.total.length,
    series.period.length,
    series.limit.length,
    series.remaining.length,
  );
  const samples: SpendSample[] = [];
  let second = 0;
  for (let i = 0; i < count; i++) {
    second += series.t[i] ?? 0;
    samples.push({
      at: second * 1000,
      total: dollars(series.total[i]),
      period: dollars(series.period[i]),
      limit: dollars(series.limit[i]),
      remaining: dollars(series.remaining[i]),
    });
  }
  return samples;
}

/** What the history takes in storage: its JSON, as the browser counts it. */
export const storedBytes = (all: readonly StoredSeries[]) => new TextEncoder().encode(JSON.stringify(all)).length;

/**
 * The history within `cap` bytes: once it is over, the oldest samples of all keys go first (a
 * key's newest sample always stays) until it is under 90 % of the cap, so that the next writes
 * have room and do not each cut again. Thinning keeps it well under at the default check
 * interval; this is for checks every 5 minutes of 200 keys looked up all day.
 */
export function capHistory(all: StoredSeries[], cap = HISTORY_CAP_BYTES): StoredSeries[] {
  let current = all;
  let size = storedBytes(current);
  if (size <= cap) return current;
  const target = cap * 0.9;
  while (size > target) {
    const decoded = current.map((series) => ({ series, samples: decodeSeries(series) }));
    const droppable = decoded.flatMap(({ samples }) => samples.slice(0, -1).map((s) => s.at)).sort((a, b) => a - b);
    if (droppable.length === 0) return current;
    const count = droppable.length + decoded.length;
    // Enough of the oldest to get under, at the average size of a sample, and a little more.
    const over = Math.ceil(((size - target) / size) * count * 1.05) + 1;
    const cutoff = droppable[Math.min(over, droppable.length) - 1] ?? -Infinity;
    current = decoded.map(({ series, samples }) =>
      encodeSeries(series, series.reset, [...samples.slice(0, -1).filter((s) => s.at > cutoff), ...samples.slice(-1)]),
    );
    size = storedBytes(current);
  }
  return current;
}
