import { type Badge, type BadgeTone, deriveBadges } from '../card/badges';
import { formatList, formatUsd } from '../format';
import { displayName } from '../key-name';
import type { StackCard } from './stack';

/** A stack card collapsed to one line: the key's name, its account, its status and its spend. */
export interface CardSummary {
  name: string;
  /** The account(s) that hold it; absent with a single account (cards then name none). */
  account?: string;
  /** The card's most pressing badge: what most needs saying about whether the key works
   * ("Disabled", "Limit reached", "Expires in 2 days"…), else "Active". */
  status: { text: string; tone: BadgeTone };
  /** "$42.50 of $100.00", "$12.00 spent, no limit", or "Spend unknown". */
  spend: string;
}

/** What the one line of a collapsed card says, from its first key (nearly always its only one). */
export function summarize(card: StackCard, now: Date): CardSummary {
  const [first] = card.found;
  const key = first.key;
  const status = mostPressing(deriveBadges(key, now));
  const accounts = card.found.flatMap((found) => (found.account ? [found.account.name] : []));
  return {
    name: displayName(key.name),
    ...(accounts.length > 0 ? { account: formatList(accounts) } : {}),
    status: status ? { text: status.text, tone: status.tone } : { text: 'Status unknown', tone: 'neutral' },
    spend: spendText(key.limit, key.limit_remaining, key.usage),
  };
}

/** Badges that only say when a key expires, with nothing wrong: not a status on one line. */
const EXPIRY_ONLY = new Set<Badge['id']>(['expires', 'no_expiry', 'expiry_unknown']);
const URGENCY: BadgeTone[] = ['danger', 'warning', 'ok', 'neutral'];

/** The first badge of the most urgent tone; a badge that only tells the expiry date is not one. */
function mostPressing(badges: readonly Badge[]): Badge | undefined {
  const status = badges.filter((badge) => !EXPIRY_ONLY.has(badge.id));
  for (const tone of URGENCY) {
    const found = status.find((badge) => badge.tone === tone);
    if (found) return found;
  }
  return undefined;
}

/** Spend against the limit as the card's meter says it, in a few words. */
function spendText(limit: number | null | undefined, remaining: number | null | undefined, usage?: number): string {
  if (typeof limit === 'number' && typeof remaining === 'number') {
    return `${formatUsd(Math.max(0, limit - remaining))} of ${formatUsd(limit)}`;
  }
  if (limit === null) return typeof usage === 'number' ? `${formatUsd(usage)} spent, no limit` : 'No spending limit';
  return 'Spend unknown';
}
