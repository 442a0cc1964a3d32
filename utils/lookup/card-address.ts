import { INVALID_HASH_MESSAGE, type KeyHash, parseHashInput, SECRET_KEY_MESSAGE } from '../hash-input';

/** The card page of a hash: `/card.html#<hash>`, so a tab can be reloaded or bookmarked. The
 * address holds the hash only, never a key. */
export function cardPath(hash?: KeyHash): '/card.html' | `/card.html#${string}` {
  return hash === undefined ? '/card.html' : `/card.html#${hash}`;
}

export type CardAddress =
  | { kind: 'hash'; hash: KeyHash }
  /** Refused with the popup's words; `clear` when the fragment must leave the address bar (a secret). */
  | { kind: 'refused'; message: string; clear: boolean };

/**
 * The hash a card page's fragment names (`location.hash`, with or without its `#`). Only one whole
 * key hash is accepted, in any case; anything else is refused with the popup's words and never sent.
 */
export function readCardAddress(fragment: string): CardAddress {
  let text: string;
  try {
    text = decodeURIComponent(fragment.replace(/^#/, ''));
  } catch {
    return { kind: 'refused', message: INVALID_HASH_MESSAGE, clear: false };
  }
  if (text.trim() === '') return { kind: 'refused', message: INVALID_HASH_MESSAGE, clear: false };
  const input = parseHashInput(text);
  if (input.kind === 'secret') return { kind: 'refused', message: SECRET_KEY_MESSAGE, clear: true };
  if (input.kind === 'hash' && input.hash === text.trim().toLowerCase()) return { kind: 'hash', hash: input.hash };
  const message = input.kind === 'invalid' ? input.message : INVALID_HASH_MESSAGE;
  return { kind: 'refused', message, clear: false };
}
