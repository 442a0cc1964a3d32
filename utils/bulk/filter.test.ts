import { describe, expect, it } from 'vitest';
import type { ApiKey } from '../api-key';
import { filterRows, summarize, summaryLine, type BulkSummary } from './filter';
import { ROW_FILTERS, viewRow, type BulkResult, type RowFilter } from './row';
import type { KeyHash } from '../hash-input';

const NOW = new Date('2026-11-26T14:05:00Z');
const hash = (n: number) => n.toString(16).padStart(64, '0') as KeyHash;
const KEY: Omit<ApiKey, 'hash'> = { name: 'Key', disabled: false, expires_at: null, limit: 100, limit_remaining: 40 };
const found = (key: Partial<ApiKey>): BulkResult => ({
  kind: 'found',
  key: { hash: '', ...KEY, usage: 10, usage_monthly: 1, ...key },
  fetchedAt: '2026-11-26T14:04:00Z',
});

/** Twelve rows, one of each kind and some that are several at once; hash n is row n. */
const RESULTS: BulkResult[] = [
  found({}),
  found({ usage: 250.5, usage_monthly: 20.25 }),
  found({ disabled: true }),
  found({ expires_at: '2026-11-01T00:00:00Z' }),
  found({ expires_at: '2026-11-28T00:00:00Z' }),
  found({ limit_remaining: 0, expires_at: '2026-11-27T00:00:00Z' }),
  found({ usage: undefined, usage_monthly: undefined }),
  { kind: 'not_found' },
  { kind: 'not_found' },
  { kind: 'error', error: { kind: 'server_error', status: 503 } },
  { kind: 'pending' },
  // $80 of a daily $100 by 14:04: $5.69 an hour, the $20 left gone by 17:35, before midnight.
  found({ limit_reset: 'daily', include_byok_in_limit: false, usage_daily: 80, limit_remaining: 20 }),
];
const VIEWS = RESULTS.map((result, n) => viewRow({ hash: hash(n), account: null, result }, NOW));

describe('filterRows', () => {
  it.each<[RowFilter, number[]]>([
    ['all', [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]],
    ['active', [0, 1, 4, 5, 6, 11]],
    ['disabled', [2]],
    ['expired', [3]],
    ['expires_soon', [4, 5]],
    ['limit_reached', [5]],
    ['runs_out', [11]],
    ['not_found', [7, 8]],
    ['errors', [9]],
  ])('%s shows rows %j, in their order', (filter, rows) => {
    expect(filterRows(VIEWS, filter).map((view) => view.row.hash)).toEqual(rows.map(hash));
  });

  it('counts for each button exactly the rows it shows', () => {
    const { counts } = summarize(VIEWS);
    expect(Object.keys(counts)).toEqual([...ROW_FILTERS]);
    for (const filter of ROW_FILTERS) expect(counts[filter]).toBe(filterRows(VIEWS, filter).length);
  });
});

describe('summarize', () => {
  it('adds up the usage of the keys found, and counts those without figures', () => {
    expect(summarize(VIEWS)).toEqual({
      counts: {
        all: 12,
        active: 6,
        disabled: 1,
        expired: 1,
        expires_soon: 2,
        limit_reached: 1,
        runs_out: 1,
        not_found: 2,
        errors: 1,
      },
      found: 8,
      usageMonthly: 26.25,
      usage: 310.5,
      usageUnknown: 1,
    });
  });

  it('is all zeros for no rows', () => {
    expect(summarize([]).counts.all).toBe(0);
    expect(summarize([]).found).toBe(0);
  });
});

const counts = (partial: Partial<BulkSummary['counts']>): BulkSummary['counts'] => ({
  all: 0,
  active: 0,
  disabled: 0,
  expired: 0,
  expires_soon: 0,
  limit_reached: 0,
  runs_out: 0,
  not_found: 0,
  errors: 0,
  ...partial,
});
const summary = (partial: Partial<BulkSummary>): BulkSummary => ({
  counts: counts({}),
  found: 0,
  usageMonthly: 0,
  usage: 0,
  usageUnknown: 0,
  ...partial,
});

describe('summaryLine', () => {
  it.each<[string, BulkSummary, string]>([
    ['no rows', summary({}), '0 hashes.'],
    ['one row not found', summary({ counts: counts({ all: 1, not_found: 1 }) }), '1 hash: 1 not found.'],
    [
      'the fixture',
      summarize(VIEWS),
      '12 hashes: 6 active, 1 disabled, 1 expired, 2 expiring soon, 1 limit reached, 1 on pace to run out, ' +
        '2 not found, 1 error. ' +
        'Usage of the 8 keys found: $26.25 this month, $310.50 in all (1 key without usage figures).',
    ],
    [
      'one key found',
      summary({ counts: counts({ all: 1, active: 1 }), found: 1, usageMonthly: 0.004, usage: 1234.5 }),
      '1 hash: 1 active. Usage of the key found: < $0.01 this month, $1,234.50 in all.',
    ],
    [
      'thousands',
      summary({ counts: counts({ all: 5000, active: 4200, errors: 800 }), found: 4200, usage: 1e6 }),
      '5,000 hashes: 4,200 active, 800 errors. Usage of the 4,200 keys found: $0.00 this month, $1,000,000.00 in all.',
    ],
  ])('%s', (_, input, expected) => {
    expect(summaryLine(input)).toBe(expected);
  });

  it('says how many accounts were asked when there were several', () => {
    const two = summary({ counts: counts({ all: 11, not_found: 11 }) });
    expect(summaryLine(two, 2)).toBe('11 hashes in 2 accounts: 11 not found.');
    expect(summaryLine(two, 1)).toBe('11 hashes: 11 not found.');
  });
});
