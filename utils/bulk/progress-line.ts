import type { RunProgress } from '../scheduler/outcome';

const count = new Intl.NumberFormat('en-US');
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/**
 * "about 40 s left": an estimate, said as one. Rounded to steps a reader takes in at a glance,
 * so the line does not flicker by a second on every answer. null when there is nothing to say.
 */
export function timeLeftText(etaMs: number | null): string | null {
  if (etaMs === null || !Number.isFinite(etaMs) || etaMs <= 0) return null;
  if (etaMs < 10 * SECOND) return 'a few seconds left';
  if (etaMs < MINUTE - 2.5 * SECOND) return `about ${Math.round(etaMs / (5 * SECOND)) * 5} s left`;
  if (etaMs < HOUR - 30 * SECOND) return `about ${Math.round(etaMs / MINUTE)} min left`;
  return `about ${Math.round(etaMs / HOUR)} h left`;
}

/** The bulk page's progress line: "120 of 500 · 3 errors · about 40 s left". */
export function progressLine({ done, errors, total, etaMs }: RunProgress): string {
  const parts = [`${count.format(done)} of ${count.format(total)}`];
  if (errors > 0) parts.push(errors === 1 ? '1 error' : `${count.format(errors)} errors`);
  const left = done < total ? timeLeftText(etaMs) : null;
  if (left !== null) parts.push(left);
  return parts.join(' · ');
}
