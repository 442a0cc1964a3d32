import type { ApiKey } from '../api-key';
import { currentLimitPeriod } from '../card/limit-reset';
import { periodSpend } from '../card/pace';
import { DAY_MS, HOUR_MS } from '../time';

/**
 * A watched key's spend over time: one sample per check or lookup of it, thinned as it ages (every
 * sample for 48 h, one an hour to 14 days, one a day to 90 days, nothing older). A sample holds
 * figures only: never a key.
 */
export interface SpendSample {
  /** When the API answered (ms since the epoch). */
  at: number;
  /** Spend in all, US dollars; null when the API did not say. */
  total: number | null;
  /** Spend in the current limit period that counts toward the limit; null without a reset period. */
  period: number | null;
  limit: number | null;
  remaining: number | null;
}

const money = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** The sample an answer makes. */
export function sampleOf(key: ApiKey, at: Date): SpendSample {
  const period = currentLimitPeriod(key.limit_reset, at);
  return {
    at: at.getTime(),
    total: money(key.usage),
    period: period === null ? null : (periodSpend(key, period.name) ?? null),
    limit: money(key.limit),
    remaining: money(key.limit_remaining),
  };
}

export const KEEP_ALL_MS = 48 * HOUR_MS;
export const HOURLY_UNTIL_MS = 14 * DAY_MS;
export const DAILY_UNTIL_MS = 90 * DAY_MS;

/** The UTC hour or day a sample is kept for once it is older than 48 h; null while all are kept. */
function bucketOf(at: number, now: number): string | null {
  const age = now - at;
  if (age <= KEEP_ALL_MS) return null;
  return age <= HOURLY_UNTIL_MS ? `h${Math.floor(at / HOUR_MS)}` : `d${Math.floor(at / DAY_MS)}`;
}

/**
 * The samples to keep at `now`, oldest first: all from the last 48 h, the last of each UTC hour to
 * 14 days, the last of each UTC day to 90 days. Buckets are fixed hours and days, so thinning
 * again later keeps the same samples.
 */
export function thinSamples(samples: readonly SpendSample[], now: number): SpendSample[] {
  const kept: { sample: SpendSample; bucket: string | null }[] = [];
  for (const sample of [...samples].sort((a, b) => a.at - b.at)) {
    if (now - sample.at > DAILY_UNTIL_MS) continue;
    const bucket = bucketOf(sample.at, now);
    const last = kept.at(-1);
    if (bucket !== null && last?.bucket === bucket) kept[kept.length - 1] = { sample, bucket };
    else kept.push({ sample, bucket });
  }
  return kept.map(({ sample }) => sample);
}

/** The samples with one more, in time order; a sample at the same time as one kept replaces it. */
export function withSample(samples: readonly SpendSample[], sample: SpendSample): SpendSample[] {
  return [...samples.filter((s) => s.at !== sample.at), sample].sort((a, b) => a.at - b.at);
}
