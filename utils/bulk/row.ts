import type { ApiKey } from '../api-key';
import { deriveBadges, type Badge } from '../card/badges';
import { projectPace, type Pace } from '../card/pace';
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
  'runs_out',
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
  runs_out: 'On pace to run out',
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
  /** Where a found key's spend is heading, projected as of its answer; null otherwise. */
  pace: Pace | null;
}

/** The key is on pace to reach its limit before the reset: the "Runs out" column has a time. */
export const runsOutAt = (view: RowView): Date | null => (view.pace?.kind === 'projected' ? view.pace.runsOutAt : null);

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
      const pace = projectPace(result.key, new Date(result.fetchedAt));
      if (pace?.kind === 'projected' && pace.runsOutAt !== null && pace.resetAt > now) filters.add('runs_out');
      return { row, badges, status: badges.map((b) => b.text).join(', '), filters, viewedAt: now, pace };
    }
    case 'not_found':
      filters.add('not_found');
      return { row, badges: [], status: 'Not found', filters, viewedAt: now, pace: null };
    case 'error':
      filters.add('errors');
      const status = describeLookupError(result.error, now).title;
      return { row, badges: [], status, filters, viewedAt: now, pace: null };
    case 'pending':
      return { row, badges: [], status: 'Not looked up', filters, viewedAt: now, pace: null };
  }
}
