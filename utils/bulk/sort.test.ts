import { describe, expect, it } from 'vitest';
import type { ApiKey } from '../api-key';
import { viewRow, type BulkResult, type RowView } from './row';
import { ariaSort, nextSort, SORT_COLUMNS, sortRows, sortValue, type RowSort, type SortColumn } from './sort';
import type { KeyHash } from '../hash-input';

const NOW = new Date('2026-11-26T14:05:00Z');
const hash = (n: number) => n.toString(16).padStart(64, '0') as KeyHash;
const found = (key: Omit<ApiKey, 'hash'>): BulkResult => ({
  kind: 'found',
  key: { hash: '', disabled: false, ...key },
  fetchedAt: '2026-11-26T14:04:00Z',
});

/** Row n has hash n; each column has known, equal, "never" and unknown values. */
const ROWS: [string | null, BulkResult][] = [
  /* 0 */ [
    'Production',
    found({
      name: 'Key 10',
      limit: 100,
      limit_remaining: 40,
      limit_reset: 'monthly',
      usage_monthly: 5,
      expires_at: null,
    }),
  ],
  /* 1 */ [
    'staging',
    found({
      name: 'key 9',
      limit: 10,
      limit_remaining: 1,
      limit_reset: 'daily',
      // $9 by 14:04: the $1 left runs out at about 15:38, before the reset.
      include_byok_in_limit: false,
      usage_daily: 9,
      usage_monthly: 50,
      expires_at: '2026-12-01T00:00:00Z',
    }),
  ],
  /* 2 */ [
    'Production',
    found({
      name: 'Älpha',
      limit: null,
      limit_remaining: null,
      limit_reset: null,
      usage_monthly: 5,
      expires_at: '2026-11-28T00:00:00Z',
    }),
  ],
  /* 3 */ [null, { kind: 'not_found' }],
  /* 4 */ ['Staging', found({ name: ' ', limit: 50, limit_remaining: 50, limit_reset: 'weekly', expires_at: 'soon' })],
  /* 5 */ ['Production', { kind: 'error', error: { kind: 'timeout', seconds: 10 } }],
  /* 6 */ [
    'Beta',
    found({ name: 'beta', limit: 0, limit_remaining: 0, limit_reset: 'yearly', usage_monthly: 0.5, disabled: true }),
  ],
];
const VIEWS = ROWS.map(([account, result], n) => viewRow({ hash: hash(n), account, result }, NOW));
const order = (views: RowView[]) => views.map((view) => Number.parseInt(view.row.hash, 16));

describe('sortRows', () => {
  it.each<[SortColumn, number[], number[]]>([
    // column, ascending, descending: unknowns last both ways, equal values in input order
    ['name', [2, 6, 1, 0, 3, 4, 5], [0, 1, 6, 2, 3, 4, 5]],
    ['account', [6, 0, 2, 5, 1, 4, 3], [1, 4, 0, 2, 5, 6, 3]],
    // "Active, Expires in 1 day" < "Active, Expires in 4 days" < "Active, Expiry unknown" < "Active, No expiry"
    ['status', [2, 1, 4, 0, 6, 3, 5], [5, 3, 6, 0, 4, 1, 2]],
    ['spent', [4, 0, 1, 6, 2, 3, 5], [6, 1, 0, 4, 2, 3, 5]],
    ['remaining', [6, 1, 0, 4, 2, 3, 5], [2, 4, 0, 1, 6, 3, 5]],
    ['reset', [1, 4, 0, 2, 3, 5, 6], [2, 0, 4, 1, 3, 5, 6]],
    // Only row 1 is on pace to run out: every other row has no time, in input order.
    ['runs_out', [1, 0, 2, 3, 4, 5, 6], [1, 0, 2, 3, 4, 5, 6]],
    ['usage_monthly', [6, 0, 2, 1, 3, 4, 5], [1, 0, 2, 6, 3, 4, 5]],
    ['expiry', [2, 1, 0, 3, 4, 5, 6], [0, 1, 2, 3, 4, 5, 6]],
    ['hash', [0, 1, 2, 3, 4, 5, 6], [6, 5, 4, 3, 2, 1, 0]],
  ])('by %s: ascending %j, descending %j', (column, ascending, descending) => {
    expect(order(sortRows(VIEWS, { column, direction: 'ascending' }, NOW))).toEqual(ascending);
    expect(order(sortRows(VIEWS, { column, direction: 'descending' }, NOW))).toEqual(descending);
  });

  it('orders hashes as hex strings, not as numbers in text', () => {
    const hashes = ['00a', '009', '0b0', '1'].map((h) => h.padStart(64, '0') as KeyHash);
    const views = hashes.map((h) => viewRow({ hash: h, account: null, result: { kind: 'not_found' } }, NOW));
    const sorted = sortRows(views, { column: 'hash', direction: 'ascending' }, NOW);
    expect(sorted.map((view) => view.row.hash.replace(/^0+(?=.)/, ''))).toEqual(['1', '9', 'a', 'b0']);
  });

  it('leaves the input as it was', () => {
    sortRows(VIEWS, { column: 'name', direction: 'descending' }, NOW);
    expect(order(VIEWS)).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('sorts 5,000 rows by every column, unknowns last and ties in input order', () => {
    const results: BulkResult[] = Array.from({ length: 5_000 }, (_, i) => {
      if (i % 17 === 0) return { kind: 'not_found' };
      if (i % 23 === 0) return { kind: 'error', error: { kind: 'server_error', status: 502 } };
      const limit = i % 5 === 0 ? null : (i % 300) + 1;
      return found({
        name: `Key ${(i * 7919) % 5_000}`,
        limit,
        limit_remaining: limit === null ? null : (i * 31) % (limit + 1),
        limit_reset: ['daily', 'weekly', 'monthly', null][i % 4],
        usage_monthly: i % 11 === 0 ? undefined : ((i * 13) % 1_000) / 10,
        include_byok_in_limit: false,
        usage_daily: (i % 7) * 3,
        usage_weekly: (i % 13) * 9,
        expires_at: i % 3 === 0 ? null : new Date(NOW.getTime() + ((i * 104_729) % 9_999_999) * 1000).toISOString(),
        disabled: i % 19 === 0,
      });
    });
    const views = results.map((result, i) =>
      viewRow({ hash: hash(i), account: i % 29 === 0 ? null : `Account ${i % 3}`, result }, NOW),
    );
    const words = new Intl.Collator('en-US', { numeric: true, sensitivity: 'base' });
    const input = (view: RowView) => Number.parseInt(view.row.hash, 16);
    for (const column of SORT_COLUMNS) {
      for (const direction of ['ascending', 'descending'] as const) {
        const sorted = sortRows(views, { column, direction }, NOW);
        expect(sorted).toHaveLength(5_000);
        expect(new Set(sorted).size).toBe(5_000);
        const sign = direction === 'ascending' ? 1 : -1;
        // Every neighbouring pair in order; collected rather than asserted one by one.
        const wrong: string[] = [];
        sorted.forEach((b, i) => {
          const a = sorted[i - 1];
          if (a === undefined) return;
          const [x, y] = [sortValue(a, column, NOW), sortValue(b, column, NOW)];
          const tie = () => input(a) < input(b) || wrong.push(`${column} ${direction}: tie out of input order at ${i}`);
          if (x === undefined) {
            if (y !== undefined) wrong.push(`${column} ${direction}: a value after an unknown at ${i}`);
            else tie();
            return;
          }
          if (y === undefined) return;
          const cmp =
            typeof x === 'number' && typeof y === 'number'
              ? Math.sign(x - y) || 0
              : column === 'hash'
                ? Math.sign(Number(String(x) > String(y)) - Number(String(x) < String(y)))
                : words.compare(String(x), String(y));
          if (cmp * sign > 0) wrong.push(`${column} ${direction}: ${String(x)} before ${String(y)} at ${i}`);
          else if (cmp === 0) tie();
        });
        expect(wrong).toEqual([]);
        expect(sortValue(sorted[0] as RowView, column, NOW)).not.toBeUndefined();
        // Every row has a status and a hash; every other column has rows without a value.
        const last = sortValue(sorted[4_999] as RowView, column, NOW);
        if (column === 'status' || column === 'hash') expect(last).not.toBeUndefined();
        else expect(last).toBeUndefined();
      }
    }
  });
});

describe('nextSort and ariaSort', () => {
  it.each<[SortColumn, RowSort | null, RowSort]>([
    ['name', null, { column: 'name', direction: 'ascending' }],
    ['name', { column: 'name', direction: 'ascending' }, { column: 'name', direction: 'descending' }],
    ['name', { column: 'name', direction: 'descending' }, { column: 'name', direction: 'ascending' }],
    ['expiry', { column: 'name', direction: 'descending' }, { column: 'expiry', direction: 'ascending' }],
  ])('a click on %s after %j sorts %j', (column, current, expected) => {
    expect(nextSort(column, current)).toEqual(expected);
  });

  it.each<[SortColumn, RowSort | null, string]>([
    ['name', null, 'none'],
    ['name', { column: 'name', direction: 'ascending' }, 'ascending'],
    ['name', { column: 'name', direction: 'descending' }, 'descending'],
    ['spent', { column: 'name', direction: 'descending' }, 'none'],
  ])('the %s header under %j has aria-sort %s', (column, current, expected) => {
    expect(ariaSort(column, current)).toBe(expected);
  });
});
