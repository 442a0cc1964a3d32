import type { FoundKey, MergedLookup } from '../lookup/account-answers';
import type { KeyHash } from '../hash-input';

/** One key on the side panel's stack: what the lookup found (one card per account that holds it). */
export interface StackCard {
  hash: KeyHash;
  /** As the lookup found it: one entry, nearly always; each names its account when there are several. */
  found: [FoundKey, ...FoundKey[]];
  /** Shown as one line (name, account, status, spend) instead of the whole card. */
  collapsed: boolean;
  /** ISO time it came to the top of the stack. */
  at: string;
}

/** The stack keeps this many keys: the oldest goes when a new one comes. */
export const MAX_STACK_CARDS = 50;

/**
 * A lookup's answer on the stack: a key found comes to the top, opened, and a key already on the
 * stack moves there instead of appearing twice. An answer that found nothing changes nothing (it
 * is shown under the field instead). Newest first.
 */
export function placeOnTop(cards: readonly StackCard[], hash: KeyHash, answer: MergedLookup, at: Date): StackCard[] {
  if (!answer.ok) return [...cards];
  const card: StackCard = { hash, found: answer.found, collapsed: false, at: at.toISOString() };
  return [card, ...cards.filter((other) => other.hash !== hash)].slice(0, MAX_STACK_CARDS);
}

/**
 * A later answer to the same lookup (every account has answered now): the key's card takes it
 * where it is, keeping its place and whether it is collapsed. Not on the stack any more (cleared
 * meanwhile): nothing changes.
 */
export function updateInPlace(cards: readonly StackCard[], hash: KeyHash, answer: MergedLookup): StackCard[] {
  if (!answer.ok) return [...cards];
  return cards.map((card) => (card.hash === hash ? { ...card, found: answer.found } : card));
}

/** Collapses a key's card to one line, or opens it again. */
export function setCollapsed(cards: readonly StackCard[], hash: KeyHash, collapsed: boolean): StackCard[] {
  return cards.map((card) => (card.hash === hash ? { ...card, collapsed } : card));
}

/** The stack without what an account (being removed) found; a key found only there goes. */
export function withoutAccount(cards: readonly StackCard[], accountId: string): StackCard[] {
  return cards.flatMap((card) => {
    const [first, ...more] = card.found.filter((found) => found.account?.id !== accountId);
    return first ? [{ ...card, found: [first, ...more] }] : [];
  });
}
