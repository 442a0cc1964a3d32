import type { RowFilter, RowView } from './row';
import { formatUsd } from '../format';

/**
 * The bulk page's filter buttons and summary line: which rows a filter shows, how many each
 * button counts, and the totals. Counted from the same views the table shows, so a button's
 * number is always the number of rows it shows.
 */

export function filterRows(views: readonly RowView[], filter: RowFilter): RowView[] {
  return filter === 'all' ? [...views] : views.filter((view) => view.filters.has(filter));
}

export interface BulkSummary {
  /** Rows under each filter: the buttons' counts, and the summary's counts by status. */
  counts: Record<RowFilter, number>;
  /** Rows whose key was found. */
  found: number;
  /** Totals over the keys found, in US dollars. */
  usageMonthly: number;
  usage: number;
  /** Keys found whose answer lacked a usage figure: left out of the totals, and said so. */
  usageUnknown: number;
}

export function summarize(views: readonly RowView[]): BulkSummary {
  const counts: Record<RowFilter, number> = {
    all: 0,
    active: 0,
    disabled: 0,
    expired: 0,
    expires_soon: 0,
    limit_reached: 0,
    runs_out: 0,
    not_found: 0,
    errors: 0,
  };
  let found = 0;
  let usageMonthly = 0;
  let usage = 0;
  let usageUnknown = 0;
  for (const view of views) {
    for (const filter of view.filters) counts[filter] += 1;
    const { result } = view.row;
    if (result.kind !== 'found') continue;
    found += 1;
    const { usage_monthly: monthly, usage: total } = result.key;
    if (typeof monthly === 'number') usageMonthly += monthly;
    if (typeof total === 'number') usage += total;
    if (typeof monthly !== 'number' || typeof total !== 'number') usageUnknown += 1;
  }
  return { counts, found, usageMonthly, usage, usageUnknown };
}

const count = new Intl.NumberFormat('en-US');
const plural = (n: number, one: string, many: string) => `${count.format(n)} ${n === 1 ? one : many}`;

/** Statuses in the order of the filter buttons; a status no row has is not mentioned. */
const STATUS_WORDS: [RowFilter, string][] = [
  ['active', 'active'],
  ['disabled', 'disabled'],
  ['expired', 'expired'],
  ['expires_soon', 'expiring soon'],
  ['limit_reached', 'limit reached'],
  ['runs_out', 'on pace to run out'],
  ['not_found', 'not found'],
  ['errors', 'errors'],
];

/**
 * "30 hashes: 20 active, 1 expired, 5 not found, 2 errors. Usage of the 25 keys found: $12.50
 * this month, $340.00 in all." Statuses overlap (an active key can also be expiring soon).
 */
export function summaryLine(summary: BulkSummary, accountsAsked = 1): string {
  const { counts, found, usageMonthly, usage, usageUnknown } = summary;
  const statuses = STATUS_WORDS.filter(([filter]) => counts[filter] > 0).map(([filter, words]) =>
    filter === 'errors' ? plural(counts.errors, 'error', 'errors') : `${count.format(counts[filter])} ${words}`,
  );
  const asked = accountsAsked > 1 ? ` in ${count.format(accountsAsked)} accounts` : '';
  const head = plural(counts.all, 'hash', 'hashes') + asked;
  const first = statuses.length > 0 ? `${head}: ${statuses.join(', ')}.` : `${head}.`;
  if (found === 0) return first;
  const keys = found === 1 ? 'the key found' : `the ${count.format(found)} keys found`;
  const unknown = usageUnknown > 0 ? ` (${plural(usageUnknown, 'key', 'keys')} without usage figures)` : '';
  return `${first} Usage of ${keys}: ${formatUsd(usageMonthly)} this month, ${formatUsd(usage)} in all${unknown}.`;
}
