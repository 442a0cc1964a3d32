import { currentLimitPeriod } from '../card/limit-reset';
import { formatUsd, formatUtc } from '../format';
import type { SpendSample } from './samples';

/**
 * What the card page's chart and its table show of a key's history. With a limit, the line is
 * what is used of it (limit − remaining, as the API says), beside the limit; without one, the
 * spend in all. The resets between the first and the last sample are marked.
 */
export interface ChartData {
  /** "Used of the limit" or "Spent in all". */
  label: string;
  /** Seconds since the epoch, one per sample (uPlot's time scale). */
  x: number[];
  y: (number | null)[];
  /** The limit at each sample; null without one. */
  limit: (number | null)[] | null;
  /** Seconds since the epoch of each reset between the first and the last sample. */
  resets: number[];
}

const usedOf = (s: SpendSample) =>
  s.limit === null || s.remaining === null ? null : Math.max(0, s.limit - s.remaining);

export function chartData(samples: readonly SpendSample[], reset: string | null): ChartData {
  const withLimit = samples.some((s) => s.limit !== null);
  return {
    label: withLimit ? 'Used of the limit' : 'Spent in all',
    x: samples.map((s) => s.at / 1000),
    y: samples.map((s) => (withLimit ? usedOf(s) : s.total)),
    limit: withLimit ? samples.map((s) => s.limit) : null,
    resets: resetsBetween(samples[0]?.at, samples.at(-1)?.at, reset),
  };
}

/** The resets after `from` up to `to` (ms), in seconds; none without a reset period. */
export function resetsBetween(from: number | undefined, to: number | undefined, reset: string | null): number[] {
  if (from === undefined || to === undefined) return [];
  const resets: number[] = [];
  let period = currentLimitPeriod(reset, new Date(from));
  // At most one mark a day for 90 days; the bound only guards against a damaged record.
  while (period !== null && period.end.getTime() <= to && resets.length < 400) {
    resets.push(period.end.getTime() / 1000);
    period = currentLimitPeriod(reset, period.end);
  }
  return resets;
}

const money = (value: number | null) => (value === null ? 'unknown' : formatUsd(value));

/** One sample in words, for the chart's readout: "Dec 1, 2026, 14:00 UTC: $42.75 used of the $100.00 limit, $318.40 spent in all". */
export function sampleWords(sample: SpendSample): string {
  const when = formatUtc(new Date(sample.at));
  const used = usedOf(sample);
  const total = `${money(sample.total)} spent in all`;
  if (sample.limit === null) return `${when}: ${total}`;
  return `${when}: ${money(used)} used of the ${formatUsd(sample.limit)} limit, ${total}`;
}

/** The table's rows ("Show as table"), newest first, each figure in words. */
export function tableRows(samples: readonly SpendSample[]) {
  return [...samples].reverse().map((s) => ({
    at: s.at,
    when: formatUtc(new Date(s.at)),
    used: s.limit === null ? '—' : money(usedOf(s)),
    limit: s.limit === null ? 'No limit' : formatUsd(s.limit),
    remaining: s.remaining === null ? '—' : formatUsd(s.remaining),
    period: s.period === null ? '—' : formatUsd(s.period),
    total: money(s.total),
  }));
}
