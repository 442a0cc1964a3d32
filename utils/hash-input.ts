/** A lowercase 64-hex string that passed parseHashInput; the only input buildKeyUrl accepts. */
export type KeyHash = string & { readonly __brand: 'KeyHash' };

export type HashInput =
  | { kind: 'hash'; hash: KeyHash }
  /** Several different hashes, in order of first appearance. */
  | { kind: 'choice'; hashes: KeyHash[] }
  /** Only whitespace. */
  | { kind: 'empty' }
  /** Looks like a secret API key: refused, never sent. */
  | { kind: 'secret'; message: string }
  /** Anything else. */
  | { kind: 'invalid'; message: string };

export const SECRET_KEY_MESSAGE =
  "This looks like an API key, not its hash. Keys are never sent; paste the key's hash instead.";
export const INVALID_HASH_MESSAGE = 'No key hash found. A key hash is 64 hexadecimal characters (0–9 and a–f).';

/** Longer text is refused rather than searched, so a pasted log cannot stall the popup. */
export const MAX_INPUT_LENGTH = 10_000;
/** More hashes than this cannot be offered as a short list to pick from. */
export const MAX_HASH_CHOICES = 20;

// The limit written out, not formatted as the module loads: the popup and the worker both load this
// module before their first message, and Intl's first use costs a start about 0.2 ms (a test checks
// that the words say MAX_INPUT_LENGTH as Intl writes it).
export const TOO_LONG_MESSAGE = 'The text is too long to search (over 10,000 characters). Paste just the key hash.';
export const TOO_MANY_HASHES_MESSAGE = `The text holds more than ${MAX_HASH_CHOICES} key hashes. Paste just the one to look up.`;

const KEY_HASH = /^[0-9a-f]{64}$/;

export function isKeyHash(value: string): value is KeyHash {
  return KEY_HASH.test(value);
}

/**
 * Runs of base64url characters. Hex is a subset, so every hex run lies inside one token, and a
 * secret with a 64-hex tail such as `sk-mg-v1-<64 hex>` stays one token with its prefix.
 * Dots, slashes, quotes, `=` and `:` split tokens, so URLs, JSON and `hash=<hex>` are searched.
 */
const TOKEN = /[A-Za-z0-9_-]+/g;
const HEX_RUN = /[0-9a-fA-F]{64,}/g;
const PURE_HEX = /^[0-9a-fA-F]+$/;

/**
 * A token that is a secret key rather than something that holds a hash:
 * - it starts with `sk-` (ModelGates keys are `sk-mg-v1-<64 hex>`, whose tail IS a 64-hex run);
 * - it is long and mixes upper case, lower case and digits, as random API keys do (hex never
 *   counts: a hash pasted in upper or mixed case is still a hash);
 * - a 64-hex run is glued to it by `-` or `_`, as a key copied without its `sk-` would be
 *   (`mg-v1-<64 hex>`).
 */
function isSecretToken(token: string): boolean {
  if (/^sk-/i.test(token)) return true;
  if (PURE_HEX.test(token)) return false;
  if (token.length >= 32 && /[A-Z]/.test(token) && /[a-z]/.test(token) && /[0-9]/.test(token)) {
    return true;
  }
  return /[-_][0-9a-fA-F]{64}(?![0-9a-fA-F])|(?<![0-9a-fA-F])[0-9a-fA-F]{64}[-_]/.test(token);
}

/** What scanHashText meets, in the order it meets it. */
export interface HashTextVisitor {
  /** A 64-hex run, lower case, each time it occurs. */
  onHash(hash: KeyHash): void;
  /** A token that is a secret key: its hex tail is not a hash and is never offered. */
  onSecret(token: string): void;
}

/**
 * The one scan for hashes in text, shared by the popup's input and the bulk page's extraction so
 * that both see the same hashes and refuse the same secrets. One pass, no array of all tokens.
 */
export function scanHashText(text: string, visitor: HashTextVisitor): void {
  for (const [token] of text.matchAll(TOKEN)) {
    // Shorter tokens can hold no hash, and most words are short: they skip the secret test too
    // unless they could be a secret (sk-…, or long enough to be a random key).
    if (token.length < 32 && !/^sk-/i.test(token)) continue;
    if (isSecretToken(token)) {
      visitor.onSecret(token);
      continue;
    }
    if (token.length < 64) continue;
    for (const [run] of token.matchAll(HEX_RUN)) {
      // A run of 65 or more is not a hash; isKeyHash says so by its length.
      const hash = run.toLowerCase();
      if (isKeyHash(hash)) visitor.onHash(hash);
    }
  }
}

/**
 * Finds the key hash in pasted text: a bare hash, or one inside quotes, JSON, a sentence or a
 * `…/keys/<hash>` URL. A run of 65 or more hex characters is not a hash. Never throws.
 */
export function parseHashInput(text: string): HashInput {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'empty' };

  // Secrets are looked for first, in the part that would be searched, so a key is refused
  // even when the text also holds a hash; over-long text is refused either way.
  const searched = trimmed.slice(0, MAX_INPUT_LENGTH);
  let secret = false;
  const hashes: KeyHash[] = [];
  scanHashText(searched, {
    onSecret: () => (secret = true),
    onHash: (hash) => {
      if (!hashes.includes(hash)) hashes.push(hash);
    },
  });
  if (secret) return { kind: 'secret', message: SECRET_KEY_MESSAGE };
  if (trimmed.length > MAX_INPUT_LENGTH) return { kind: 'invalid', message: TOO_LONG_MESSAGE };

  const [first, second] = hashes;
  if (first === undefined) return { kind: 'invalid', message: invalidMessage(trimmed) };
  if (second === undefined) return { kind: 'hash', hash: first };
  if (hashes.length > MAX_HASH_CHOICES) {
    return { kind: 'invalid', message: TOO_MANY_HASHES_MESSAGE };
  }
  return { kind: 'choice', hashes };
}

/** A hash with a character too many or too few gets told its length, not just "invalid". */
function invalidMessage(trimmed: string): string {
  if (PURE_HEX.test(trimmed) && trimmed.length >= 32) {
    return `This is ${trimmed.length} hexadecimal characters; a key hash is exactly 64.`;
  }
  return INVALID_HASH_MESSAGE;
}
