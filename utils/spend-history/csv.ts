import Papa from 'papaparse';
import type { SpendHistoryView } from './view';

/**
 * "Download history (CSV)" on the card page: one row per sample, times in ISO 8601 UTC, amounts
 * in US dollars. Fields are picked by name, so nothing but the hash, the account's name and the
 * figures is written: never a key. RFC 4180 through papaparse, formula-safe as the bulk export
 * (utils/bulk/export.ts): a key's name and an account's name are text people choose.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

const COLUMNS = [
  'time_utc',
  'key_hash',
  'key_name',
  'account',
  'spent_total_usd',
  'spent_this_period_usd',
  'limit_usd',
  'limit_remaining_usd',
] as const;

export function historyCsv(history: SpendHistoryView): string {
  const data = history.samples.map((s) => [
    new Date(s.at).toISOString(),
    history.hash,
    history.name,
    history.account ?? null,
    s.total,
    s.period,
    s.limit,
    s.remaining,
  ]);
  const csv = Papa.unparse({ fields: [...COLUMNS], data }, { newline: '\r\n', escapeFormulae: FORMULA_START });
  return `\uFEFF${csv}${csv.endsWith('\r\n') ? '' : '\r\n'}`;
}

/** "modelgates-history-f01d5260-2026-12-02T18-05-00Z.csv": the key's short hash and when it was saved. */
export function historyFileName(hash: string, now: Date): string {
  const stamp = now
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '-');
  return `modelgates-history-${hash.slice(0, 8)}-${stamp}.csv`;
}
