import type { ApiKey } from '../api-key';
import { formatUtc, parseTime } from '../format';
import { DAY_MS, HOUR_MS } from '../time';

export type BadgeTone = 'ok' | 'warning' | 'danger' | 'neutral';

export interface Badge {
  id:
    | 'active'
    | 'disabled'
    | 'status_unknown'
    | 'expired'
    | 'expires_soon'
    | 'expires'
    | 'no_expiry'
    | 'expiry_unknown'
    | 'limit_reached';
  text: string;
  tone: BadgeTone;
  /** The exact UTC time behind a relative text, shown as a tooltip. */
  title?: string;
}

/** A key that expires in less than this many days is shown amber. */
export const EXPIRY_WARNING_DAYS = 7;

/** The key's state at a glance, in the order status, expiry, limit. */
export function deriveBadges(key: ApiKey, now: Date, warningDays = EXPIRY_WARNING_DAYS): Badge[] {
  const expiresAt = parseTime(key.expires_at);
  const expired = expiresAt !== null && expiresAt.getTime() <= now.getTime();
  const badges: Badge[] = [];

  const status = statusBadge(key.disabled, expired);
  if (status !== null) badges.push(status);
  badges.push(expiryBadge(key.expires_at, expiresAt, now, warningDays));
  // With no limit at all (null) a leftover 0 in limit_remaining means nothing.
  if (key.limit !== null && typeof key.limit_remaining === 'number' && key.limit_remaining <= 0) {
    badges.push({ id: 'limit_reached', text: 'Limit reached', tone: 'danger' });
  }
  return badges;
}

/**
 * "Active" only when the key is known not to be disabled and is not expired; an expired key
 * that is not disabled gets no status badge, since "Expired" already says it no longer works.
 */
function statusBadge(disabled: boolean | undefined, expired: boolean): Badge | null {
  if (disabled === true) return { id: 'disabled', text: 'Disabled', tone: 'danger' };
  if (disabled === undefined) return { id: 'status_unknown', text: 'Status unknown', tone: 'neutral' };
  return expired ? null : { id: 'active', text: 'Active', tone: 'ok' };
}

function expiryBadge(raw: string | null | undefined, expiresAt: Date | null, now: Date, warningDays: number): Badge {
  if (raw === null) return { id: 'no_expiry', text: 'No expiry', tone: 'neutral' };
  if (expiresAt === null) return { id: 'expiry_unknown', text: 'Expiry unknown', tone: 'neutral' };
  const exact = formatUtc(expiresAt);
  const left = expiresAt.getTime() - now.getTime();
  if (left <= 0) return { id: 'expired', text: 'Expired', tone: 'danger', title: `Expired ${exact}` };
  // Less than `warningDays` whole days left: the text is rounded down the same way, so a badge
  // reading "Expires in 7 days" is never amber in one place and neutral in another.
  const soon = left < warningDays * DAY_MS;
  return {
    id: soon ? 'expires_soon' : 'expires',
    text: expiresInText(left),
    tone: soon ? 'warning' : 'neutral',
    title: `Expires ${exact}`,
  };
}

/** Rounded down: a key never looks as if it had more time left than it has. */
function expiresInText(left: number): string {
  if (left < HOUR_MS) return 'Expires today';
  if (left < DAY_MS) {
    const hours = Math.floor(left / HOUR_MS);
    return hours === 1 ? 'Expires in 1 hour' : `Expires in ${hours} hours`;
  }
  const days = Math.floor(left / DAY_MS);
  return days === 1 ? 'Expires in 1 day' : `Expires in ${days} days`;
}
