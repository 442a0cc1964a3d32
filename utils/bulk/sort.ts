import type { ApiKey } from '../api-key';
import { runsOutAt, type RowView } from './row';
import { parseTime } from '../format';
import { nextLimitReset } from '../card/limit-reset';

/**
 * Sorting the bulk page's table by any column header. Rows with no value in the column (not
 * found, failed, or a figure the API left out) go last whichever way it is sorted, so the
 * answers stay at the top; equal values keep the order of the hashes in the input.
 */

export const SORT_COLUMNS = [
  'name',
  'account',
  'status',
  'spent',
  'remaining',
  'reset',
  'runs_out',
  'usage_monthly',
  'expiry',
  'hash',
] as const;
export type SortColumn = (typeof SORT_COLUMNS)[number];
export type SortDirection = 'ascending' | 'descending';

export interface RowSort {
  column: SortColumn;
  direction: SortDirection;
}

/** A click on a header: the sorted column turns around; another column starts ascending. */
export function nextSort(column: SortColumn, current: RowSort | null): RowSort {
  if (current?.column === column) {
    return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  }
  return { column, direction: 'ascending' };
}

/** The header's aria-sort value. */
export function ariaSort(column: SortColumn, current: RowSort | null): SortDirection | 'none' {
  return current?.column === column ? current.direction : 'none';
}

const collators = new Map<string, Intl.Collator>();
function collator(locale: string): Intl.Collator {
  let made = collators.get(locale);
  // numeric: "Key 9" before "Key 10"; base: "prod" and "Prod" are the same word.
  if (!made) collators.set(locale, (made = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' })));
  return made;
}

/** The row's value in a column: text, a number (times as ms), or undefined when unknown. */
export function sortValue(view: RowView, column: SortColumn, now: Date): string | number | undefined {
  const { row } = view;
  if (column === 'hash') return row.hash;
  if (column === 'account') return row.account ?? undefined;
  if (column === 'status') return view.status;
  // The soonest run-out first; keys not on pace to run out go last.
  if (column === 'runs_out') return runsOutAt(view)?.getTime();
  if (row.result.kind !== 'found') return undefined;
  const key = row.result.key;
  switch (column) {
    case 'name':
      return key.name?.trim() || undefined;
    case 'spent':
      return shareUsed(key);
    case 'remaining':
      // No limit at all is more room than any amount.
      return key.limit === null ? Infinity : number(key.limit_remaining);
    case 'reset':
      if (key.limit_reset === null) return Infinity;
      return nextLimitReset(key.limit_reset, now)?.getTime();
    case 'usage_monthly':
      return number(key.usage_monthly);
    case 'expiry':
      // No expiry is later than any date.
      return key.expires_at === null ? Infinity : parseTime(key.expires_at)?.getTime();
  }
}

const number = (value: number | null | undefined) => (typeof value === 'number' ? value : undefined);

/** The "spent of limit" column sorts by the share of the limit used, as its percentage shows. */
function shareUsed(key: ApiKey): number | undefined {
  const { limit, limit_remaining: remaining } = key;
  if (typeof limit !== 'number' || typeof remaining !== 'number') return undefined;
  if (limit <= 0) return 1;
  return (limit - remaining) / limit;
}

export function sortRows(views: readonly RowView[], sort: RowSort, now: Date, locale = 'en-US'): RowView[] {
  // Hashes are lower-case hex of one length: code-unit order is their order, and numeric
  // collation would read their digit runs as numbers.
  const text =
    sort.column === 'hash' ? (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0) : collator(locale).compare;
  const sign = sort.direction === 'ascending' ? 1 : -1;
  // Each value is worked out once, not once per comparison: 5,000 rows take some 60,000 of them.
  const decorated = views.map((view, index) => ({ view, index, value: sortValue(view, sort.column, now) }));
  decorated.sort((a, b) => {
    if (a.value === undefined || b.value === undefined) {
      if (a.value === b.value) return a.index - b.index;
      return a.value === undefined ? 1 : -1;
    }
    const order =
      typeof a.value === 'number' && typeof b.value === 'number'
        ? Math.sign(a.value - b.value) || 0
        : text(String(a.value), String(b.value));
    return order * sign || a.index - b.index;
  });
  return decorated.map(({ view }) => view);
}
