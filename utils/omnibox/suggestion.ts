import type { FoundKey, MergedLookup } from '../lookup/account-answers';
import { deriveBadges, type Badge } from '../card/badges';
import { projectPace } from '../card/pace';
import { runsOutShort } from '../card/pace-words';
import { describeLookupError } from '../lookup/error-message';
import { formatUsd, shortenHash } from '../format';
import { SECRET_KEY_MESSAGE } from '../hash-input';
import { displayName } from '../key-name';

/** Chrome reads a suggestion's description as XML (it may hold <match>, <dim>, <url>); Firefox
 * shows it as plain text. API strings are data in both: escaped for the one, as typed in the other. */
export type DescriptionFlavor = 'xml' | 'plain';

/** One row of the address bar's list: `content` is what choosing it enters. */
export interface OmniboxSuggestion {
  content: string;
  description: string;
}

/** Something a partial input may match: a history entry, or a watched key. */
export interface KnownKey {
  hash: string;
  name: string | null;
  /** The status in words, as the history saved it ("Active", "Disabled"…). */
  status?: string;
  /** The account's name, only when there are several. */
  account?: string;
}

/** At most this many rows: the address bar shows no more anyway. */
export const MAX_SUGGESTIONS = 6;

const SEPARATOR = ' · ';
const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text as the flavour needs it: every XML special character escaped for Chrome, untouched for Firefox. */
export function escapeDescription(text: string, flavor: DescriptionFlavor): string {
  return flavor === 'xml' ? text.replace(/[&<>"']/g, (char) => XML_ENTITIES[char] ?? char) : text;
}

/** The badges that say whether the key works, in the card's words; the plain expiry is left out. */
const STATUS_BADGES = new Set<Badge['id']>([
  'active',
  'disabled',
  'status_unknown',
  'expired',
  'expires_soon',
  'limit_reached',
]);

/** "$42.50 of $100.00 used", "No spending limit", or nothing when the figures are unknown. */
function spendWords(key: FoundKey['key']): string | null {
  if (key.limit === null) return 'No spending limit';
  if (typeof key.limit !== 'number' || typeof key.limit_remaining !== 'number') return null;
  const used = Math.max(0, key.limit - key.limit_remaining);
  return `${formatUsd(used)} of ${formatUsd(key.limit)} used`;
}

/**
 * "Billing bot · Active · $42.50 of $100.00 used · runs out in ~3 h · Production" (the run-out
 * only when the key is on pace to reach its limit before the reset; the account only when there
 * are several).
 */
export function foundLine(entry: FoundKey, now: Date): string {
  const status = deriveBadges(entry.key, now)
    .filter((badge) => STATUS_BADGES.has(badge.id))
    .map((badge) => badge.text)
    .join(', ');
  const runsOut = runsOutShort(projectPace(entry.key, new Date(entry.fetchedAt)), now);
  const parts = [displayName(entry.key.name), status, spendWords(entry.key), runsOut, entry.account?.name];
  return parts.filter((part): part is string => typeof part === 'string' && part !== '').join(SEPARATOR);
}

/** What the first row says once a lookup has answered: the key, or why there is none. */
export function lookupDescription(hash: string, result: MergedLookup, now: Date, flavor: DescriptionFlavor): string {
  if (result.ok) {
    const [first, ...more] = result.found;
    const also = more.length > 0 ? `${SEPARATOR}also in ${more.length} more account${more.length > 1 ? 's' : ''}` : '';
    return escapeDescription(foundLine(first, now) + also, flavor);
  }
  // Enter opens the card page, which offers the unlock form and then looks the key up.
  if (result.error.kind === 'locked') return escapeDescription(LOCKED_SUGGESTION, flavor);
  return escapeDescription(`${shortenHash(hash)}${SEPARATOR}${describeLookupError(result.error, now).title}`, flavor);
}

/** The first row while the keys are locked: nothing was sent. */
export const LOCKED_SUGGESTION = 'Locked: press Enter to unlock';

/** The first row while the lookup runs. */
export function lookingDescription(hash: string, flavor: DescriptionFlavor): string {
  return escapeDescription(`Looking up ${shortenHash(hash)}…`, flavor);
}

/** The first row for a secret key: it is never sent, and the user is told what to paste instead. */
export function secretDescription(flavor: DescriptionFlavor): string {
  return escapeDescription(SECRET_KEY_MESSAGE, flavor);
}

/** The first row for input that is not a whole hash: what Enter will do, or what to type. */
export function partialDescription(text: string, matches: number, flavor: DescriptionFlavor): string {
  if (text.trim() === '')
    return escapeDescription('Paste a key hash, or type a name from your history or watched keys', flavor);
  if (matches === 0)
    return escapeDescription(
      `No key hash, and nothing in your history or watched keys matches “${text.trim()}”`,
      flavor,
    );
  return escapeDescription(`Open the first match for “${text.trim()}”`, flavor);
}

/** The first row for text that holds several hashes: each is a row below, Enter opens the first. */
export function choiceDescription(count: number, flavor: DescriptionFlavor): string {
  return escapeDescription(`${count} key hashes: choose one below, or press Enter for the first`, flavor);
}

/** A known key as a row: its name, status and account, and the hash it opens. */
export function knownKeySuggestion(known: KnownKey, flavor: DescriptionFlavor): OmniboxSuggestion {
  const parts = [displayName(known.name), known.status, known.account, shortenHash(known.hash)];
  const text = parts.filter((part): part is string => typeof part === 'string' && part !== '').join(SEPARATOR);
  return { content: known.hash, description: escapeDescription(text, flavor) };
}

/**
 * Known keys that a partial input may mean, most recent first as given: a name holding the text
 * (any case), or a hash starting with it. Blank input lists the most recent. Each hash once; no
 * request is made for any of them.
 */
export function matchKnownKeys(text: string, known: readonly KnownKey[], max = MAX_SUGGESTIONS): KnownKey[] {
  const query = text.trim().toLowerCase();
  const seen = new Set<string>();
  const matches: KnownKey[] = [];
  for (const entry of known) {
    if (matches.length >= max) break;
    const byName = entry.name !== null && entry.name.toLowerCase().includes(query);
    const byHash = entry.hash.startsWith(query);
    const id = `${entry.hash} ${entry.account ?? ''}`;
    if ((byName || byHash) && !seen.has(id)) {
      seen.add(id);
      matches.push(entry);
    }
  }
  return matches;
}
