// The bench's markdown table: one row per figure, with its median, its spread (p25 – p75) and,
// where it has one, its goal and the verdict: whether the median (or the count) meets it.
// Runs under plain `node`: erasable TypeScript only.
import { median, quantile } from './statistics.ts';

export interface Row {
  what: string;
  median: string;
  spread: string;
  goal: string;
  verdict: 'pass' | 'FAIL' | '';
}

export const ms = (value: number) => `${value.toFixed(1)} ms`;
export const times = (value: number) => `${value.toFixed(2)}×`;
export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
/** Display frames: whole ones as such, a median between two with its half. */
export const frames = (value: number) =>
  `${Number.isInteger(value) ? value.toFixed(0) : value.toFixed(1)} frame${value === 1 ? '' : 's'}`;

/** A timed row: the samples' median and spread, and `pass` when the median is at most `goal`. */
export function row(what: string, values: number[], format: (value: number) => string, goal?: number): Row {
  const m = median(values);
  return {
    what,
    median: format(m),
    spread: `${format(quantile(values, 0.25))} – ${format(quantile(values, 0.75))}`,
    goal: goal === undefined ? '' : `≤ ${format(goal)}`,
    verdict: goal === undefined ? '' : m <= goal ? 'pass' : 'FAIL',
  };
}

/**
 * Two series side by side, ours and the reference's, with no goal: "12.0 ms vs 4.0 ms", and
 * their spreads likewise. Where one side has no sample, it reads "–".
 */
export function versus(what: string, ours: number[], reference: number[], format: (value: number) => string): Row {
  const figure = (values: number[], q: number) => (values.length === 0 ? '–' : format(quantile(values, q)));
  const spread = (values: number[]) =>
    values.length === 0 ? '–' : `${figure(values, 0.25)} – ${figure(values, 0.75)}`;
  return {
    what,
    median: `${figure(ours, 0.5)} vs ${figure(reference, 0.5)}`,
    spread: `${spread(ours)} vs ${spread(reference)}`,
    goal: '',
    verdict: '',
  };
}

/** A counting row: how many of the samples met a bar ("31 of 40"), and `pass` from `goal` of them up. */
export function atLeast(what: string, count: number, samples: number, goal: number): Row {
  return {
    what,
    median: `${count} of ${samples}`,
    spread: '',
    goal: `≥ ${goal} of ${samples}`,
    verdict: count >= goal ? 'pass' : 'FAIL',
  };
}

/** A row with one figure (a count, a size), already in words. */
export function single(what: string, value: string, goal = '', verdict: Row['verdict'] = ''): Row {
  return { what, median: value, spread: '', goal, verdict };
}

export function table(rows: Row[]): string {
  return [
    '| What | Median | Spread (p25 – p75) | Goal | Verdict |',
    '| --- | ---: | ---: | ---: | :---: |',
    ...rows.map((r) => `| ${r.what} | ${r.median} | ${r.spread} | ${r.goal} | ${r.verdict} |`),
  ].join('\n');
}
