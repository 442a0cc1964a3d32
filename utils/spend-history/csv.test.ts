import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { historyCsv, historyFileName } from './csv';
import type { SpendHistoryView } from './view';

const HASH = 'f01d52606dc8f0a8303a7b5cc3fa07109c2e346cec7c0a16b40de462992ce943';
const view = (fields: Partial<SpendHistoryView> = {}): SpendHistoryView => ({
  hash: HASH,
  name: 'Production backend',
  watching: true,
  reset: 'monthly',
  samples: [
    { at: Date.parse('2026-12-01T14:00:00Z'), total: 318.4, period: 42.75, limit: 100, remaining: 57.25 },
    { at: Date.parse('2026-12-01T14:30:05Z'), total: 330.4, period: 54.75, limit: 100, remaining: 45.25 },
  ],
  ...fields,
});

describe('historyCsv', () => {
  it('has a row per sample, times in ISO 8601 UTC, amounts in dollars', () => {
    const csv = historyCsv(view());
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      'time_utc,key_hash,key_name,account,spent_total_usd,spent_this_period_usd,limit_usd,limit_remaining_usd',
      `2026-12-01T14:00:00.000Z,${HASH},Production backend,,318.4,42.75,100,57.25`,
      `2026-12-01T14:30:05.000Z,${HASH},Production backend,,330.4,54.75,100,45.25`,
      '',
    ]);
  });

  it('is formula-safe: a name starting with =, +, -, @, a tab or CR cannot run as a formula', () => {
    for (const name of ['=HYPERLINK("http://evil.example")', '+1', '-1+2', '@SUM(A1)', '\tx', '=1\n+2']) {
      const rows = Papa.parse<string[]>(historyCsv(view({ name, account: name })).slice(1), { delimiter: ',' }).data;
      expect(rows[1]?.[2]).toBe(`'${name}`);
      expect(rows[1]?.[3]).toBe(`'${name}`);
    }
  });

  it('names the account when there are several, and never holds a key', () => {
    const csv = historyCsv(view({ account: 'Staging' }));
    expect(csv).toContain(',Production backend,Staging,');
    expect(csv).not.toMatch(/sk-/);
  });

  it('names the file after the key’s short hash and the time', () => {
    expect(historyFileName(HASH, new Date('2026-12-02T18:05:00.123Z'))).toBe(
      'modelgates-history-f01d5260-2026-12-02T18-05-00Z.csv',
    );
  });
});
