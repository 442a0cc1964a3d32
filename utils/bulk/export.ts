import Papa from 'papaparse';
import { apiKeyShape, type ApiKey } from '../api-key';
import { viewRow, type BulkRow } from './row';
import { describeLookupError } from '../lookup/error-message';

/**
 * "Download CSV" and "Download JSON" on the bulk page: every field of every row, with when the
 * run was and which accounts it asked. Fields are picked by name, never spread, so nothing a row
 * or a key carries beyond them (and no management key, which a row has no place for) is written.
 */

export interface RunMeta {
  /** ISO time the run started. */
  ranAt: string;
  /** The names of the accounts the run asked, in the options' order. */
  accounts: string[];
}

/** Every field the API documents for a key, in the schema's order; the hash has its own column. */
const KEY_FIELDS = Object.keys(apiKeyShape()).filter((field): field is Exclude<keyof ApiKey, 'hash'> => {
  return field !== 'hash';
});

/**
 * A cell starting with one of these is read as a formula by spreadsheets (OWASP "CSV
 * Injection"), and a key's name is text anyone who can create keys chooses. papaparse's own
 * pattern for `escapeFormulae: true` misses a formula followed by a line break (`.` and `$`
 * stop there), so the first character alone is tested.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

type Cell = string | number | boolean | null;

const COLUMNS = [
  'run_at',
  'accounts_asked',
  'hash',
  'account',
  'result',
  'status',
  'error',
  'fetched_at',
  ...KEY_FIELDS,
] as const;

/** One flat record per row, shared by both formats so they never disagree. */
function record(row: BulkRow, meta: RunMeta, now: Date): Record<string, Cell> {
  const { result } = row;
  const status = viewRow(row, now).status;
  const error = result.kind === 'error' ? describeLookupError(result.error, now) : null;
  const key = result.kind === 'found' ? result.key : null;
  const fields: Record<string, Cell> = {
    run_at: meta.ranAt,
    accounts_asked: meta.accounts.join('; '),
    hash: row.hash,
    account: row.account,
    result: result.kind,
    status,
    error: error === null ? null : [error.title, error.body].filter(Boolean).join(': '),
    fetched_at: result.kind === 'found' ? result.fetchedAt : null,
  };
  for (const field of KEY_FIELDS) fields[field] = key?.[field] ?? null;
  return fields;
}

/** RFC 4180 (comma, double quotes, CRLF), with a byte-order mark so spreadsheets read it as UTF-8. */
export function exportCsv(rows: readonly BulkRow[], meta: RunMeta, now: Date): string {
  const records = rows.map((row) => record(row, meta, now));
  const data = records.map((fields) => COLUMNS.map((column) => fields[column] ?? null));
  const csv = Papa.unparse({ fields: [...COLUMNS], data }, { newline: '\r\n', escapeFormulae: FORMULA_START });
  // papaparse ends the header line but not the last record; RFC 4180 allows either, tools prefer the end.
  return `\uFEFF${csv}${csv.endsWith('\r\n') ? '' : '\r\n'}`;
}

/** The same records, with the run's time and accounts once at the top; null stays null. */
export function exportJson(rows: readonly BulkRow[], meta: RunMeta, now: Date): string {
  const records = rows.map((row) => {
    const { run_at: _, accounts_asked: __, ...rest } = record(row, meta, now);
    return rest;
  });
  return `${JSON.stringify({ ranAt: meta.ranAt, accounts: meta.accounts, rows: records }, null, 2)}\n`;
}

/** "modelgates-keys-2026-11-26T14-05-00Z.csv": sortable, and safe in every file system. */
export function exportFileName(meta: RunMeta, extension: 'csv' | 'json'): string {
  const stamp = meta.ranAt.replace(/\.\d+Z$/, 'Z').replace(/:/g, '-');
  return `modelgates-keys-${stamp}.${extension}`;
}
