import type { ApiKey } from '../api-key';
import { deriveBadges, type Badge } from '../card/badges';
import { describeLookupError } from '../lookup/error-message';
import type { KeyHash } from '../hash-input';
import type { LookupError } from '../lookup/lookup-error';

/**
 * One row of the bulk page's results: a hash and what its lookup came to. It has no field for a
 * management key, so none can reach the table, session storage or an export.
 */
export interface BulkRow {
  hash: KeyHash;
  /** The name of the account that answered; null with a single account (no account noise). */
  account: string | null;
  result: BulkResult;
}

export type BulkResult =
  | { kind: 'found'; key: ApiKey; /** ISO time the API answered. */ fetchedAt: string }
  | { kind: 'not_found' }
  | { kind: 'error'; error: LookupError }
  /** Not asked yet: the run was cancelled or stopped before this row. */
  | { kind: 'pending' };

/** The filter buttons, in the order the page shows them. */
export const ROW_FILTERS = [
  'all',
  'active',
  'disabled',
  'expired',
  'expires_soon',
  'limit_reached',
  'not_found',
  'errors',
] as const;
export type RowFilter = (typeof ROW_FILTERS)[number];

export const ROW_FILTER_LABELS: Record<RowFilter, string> = {
  all: 'All',
  active: 'Active',
  disabled: 'Disabled',
  expired: 'Expired',
  expires_soon: 'Expiring soon',
  limit_reached: 'Limit reached',
  not_found: 'Not found',
  errors: 'Errors',
};

/** A row with what the table shows and filters on, worked out once per render, not per comparison. */
export interface RowView {
  row: BulkRow;
  /** The card's badges for a found key; none otherwise. */
  badges: Badge[];
  /** The status column in words: the badges' texts, "Not found", or why the lookup failed. */
  status: string;
  /** Every filter the row is counted under, "all" included. */
  filters: ReadonlySet<RowFilter>;
  /** The time the row was worked out at: its badges, failure words and next reset are as of then. */
  viewedAt: Date;
}

const BADGE_FILTERS: Partial<Record<Badge['id'], RowFilter>> = {
  active: 'active',
  disabled: 'disabled',
  expired: 'expired',
  expires_soon: 'expires_soon',
  limit_reached: 'limit_reached',
};

/**
 * The badges come from deriveBadges and the failure words from describeLookupError, so a row
 * says what the popup's card or notice would say about the same key.
 */
export function viewRow(row: BulkRow, now: Date, warningDays?: number): RowView {
  const filters = new Set<RowFilter>(['all']);
  const { result } = row;
  switch (result.kind) {
    case 'found': {
      const badges = deriveBadges(result.key, now, warningDays);
      for (const badge of badges) {
        const filter = BADGE_FILTERS[badge.id];
        if (filter !== undefined) filters.add(filter);
      }
      return { row, badges, status: badges.map((b) => b.text).join(', '), filters, viewedAt: now };
    }
    case 'not_found':
      filters.add('not_found');
      return { row, badges: [], status: 'Not found', filters, viewedAt: now };
    case 'error':
      filters.add('errors');
      return { row, badges: [], status: describeLookupError(result.error, now).title, filters, viewedAt: now };
    case 'pending':
      return { row, badges: [], status: 'Not looked up', filters, viewedAt: now };
  }
}
