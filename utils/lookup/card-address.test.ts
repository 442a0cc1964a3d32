import { describe, expect, it } from 'vitest';
import { cardPath, readCardAddress } from './card-address';
import { INVALID_HASH_MESSAGE, type KeyHash, SECRET_KEY_MESSAGE } from '../hash-input';

const HASH = 'f01d5260c1b7a3e94c2f0d8b6a5e4c3b2a1908f7e6d5c4b3a29180f7e6d92ce9' as KeyHash;

describe('cardPath', () => {
  it('names the hash in the fragment, or nothing', () => {
    expect(cardPath(HASH)).toBe(`/card.html#${HASH}`);
    expect(cardPath()).toBe('/card.html');
  });
});

describe('readCardAddress', () => {
  it.each([
    ['the hash with its #', `#${HASH}`],
    ['the hash without #', HASH],
    ['the hash in upper case', `#${HASH.toUpperCase()}`],
    ['the hash with spaces around, percent-encoded', `#%20${HASH}%20`],
  ])('accepts %s', (_, fragment) => {
    expect(readCardAddress(fragment)).toEqual({ kind: 'hash', hash: HASH });
  });

  it.each([
    ['no fragment', '', INVALID_HASH_MESSAGE],
    ['an empty fragment', '#', INVALID_HASH_MESSAGE],
    ['a hash a character short', `#${HASH.slice(1)}`, 'This is 63 hexadecimal characters; a key hash is exactly 64.'],
    ['a hash a character too long', `#${HASH}0`, 'This is 65 hexadecimal characters; a key hash is exactly 64.'],
    ['a URL holding a hash', `#https://modelgates.ai/keys/${HASH}`, INVALID_HASH_MESSAGE],
    ['two hashes', `#${HASH},${'a'.repeat(64)}`, INVALID_HASH_MESSAGE],
    ['words', '#billing', INVALID_HASH_MESSAGE],
    ['broken percent-encoding', '#%E0%A4%A', INVALID_HASH_MESSAGE],
  ])('refuses %s with the popup words, keeping the address', (_, fragment, message) => {
    expect(readCardAddress(fragment)).toEqual({ kind: 'refused', message, clear: false });
  });

  it('refuses a secret key and takes it out of the address', () => {
    expect(readCardAddress(`#sk-mg-v1-${HASH}`)).toEqual({ kind: 'refused', message: SECRET_KEY_MESSAGE, clear: true });
  });
});
