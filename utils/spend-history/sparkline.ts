import type { SpendSample } from './samples';

/** At most this many points in a watched key's sparkline: enough for its shape at 64 px wide. */
export const SPARK_POINTS = 32;
/** The sparkline shows the last 14 days. */
export const SPARK_DAYS = 14;

/**
 * A watched key's sparkline: what is used of its limit (or, without one, its spend in all) over
 * the last 14 days, at most 32 values, evenly picked, oldest first; the newest is always there.
 */
export function sparkValues(samples: readonly SpendSample[], now: number): number[] {
  const since = now - SPARK_DAYS * 24 * 3_600_000;
  const withLimit = samples.some((s) => s.limit !== null);
  const values = samples
    .filter((s) => s.at >= since)
    .map((s) => (withLimit ? (s.limit === null || s.remaining === null ? null : s.limit - s.remaining) : s.total))
    .filter((v): v is number => v !== null);
  if (values.length <= SPARK_POINTS) return values;
  const step = (values.length - 1) / (SPARK_POINTS - 1);
  return Array.from({ length: SPARK_POINTS }, (_, i) => values[Math.round(i * step)] as number);
}

/** The sparkline's SVG path points ("0,16 2,12 …") in a box of `width` × `height`; empty below two values. */
export function sparkPath(values: readonly number[], width: number, height: number): string {
  if (values.length < 2) return '';
  const min = Math.min(...values);
  const span = Math.max(...values) - min || 1;
  const x = (i: number) => ((i / (values.length - 1)) * width).toFixed(1);
  const y = (v: number) => (height - 1 - ((v - min) / span) * (height - 2)).toFixed(1);
  return values.map((v, i) => `${x(i)},${y(v)}`).join(' ');
}
