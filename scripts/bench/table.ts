// The bench's markdown table: one row per figure, with its median, its spread (p25 – p75) and,
// where it has one, its budget and whether the median is within it.
// Runs under plain `node`: erasable TypeScript only.
import { median, quantile } from './statistics.ts';

export interface Row {
  what: string;
  median: string;
  spread: string;
  budget: string;
  result: 'pass' | 'FAIL' | '';
}

export const ms = (value: number) => `${value.toFixed(1)} ms`;
export const times = (value: number) => `${value.toFixed(2)}×`;
export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

/** A timed row: the samples' median and spread, and `pass` when the median is at most `budget`. */
export function row(what: string, values: number[], format: (value: number) => string, budget?: number): Row {
  const m = median(values);
  return {
    what,
    median: format(m),
    spread: `${format(quantile(values, 0.25))} – ${format(quantile(values, 0.75))}`,
    budget: budget === undefined ? '' : `≤ ${format(budget)}`,
    result: budget === undefined ? '' : m <= budget ? 'pass' : 'FAIL',
  };
}

/** A row with one figure (a count, a size), already in words. */
export function single(what: string, value: string, budget = '', result: Row['result'] = ''): Row {
  return { what, median: value, spread: '', budget, result };
}

export function table(rows: Row[]): string {
  return [
    '| What | Median | Spread (p25 – p75) | Budget | Result |',
    '| --- | ---: | ---: | ---: | :---: |',
    ...rows.map((r) => `| ${r.what} | ${r.median} | ${r.spread} | ${r.budget} | ${r.result} |`),
  ].join('\n');
}
