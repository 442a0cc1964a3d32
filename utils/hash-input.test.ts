import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  INVALID_HASH_MESSAGE,
  isKeyHash,
  MAX_HASH_CHOICES,
  MAX_INPUT_LENGTH,
  parseHashInput,
  SECRET_KEY_MESSAGE,
  TOO_LONG_MESSAGE,
  TOO_MANY_HASHES_MESSAGE,
  type HashInput,
  type KeyHash,
} from './hash-input';

const H1 = 'f01d5260c1b7a3e94c2f0d8b6a5e4c3b2a1908f7e6d5c4b3a29180f7e6d92ce9';
const H2 = '0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9';
const H3 = '9999999999999999999999999999999999999999999999999999999999999999';

const hash = (h: string): HashInput => ({ kind: 'hash', hash: h as KeyHash });
const choice = (...hs: string[]): HashInput => ({ kind: 'choice', hashes: hs as KeyHash[] });
const secret: HashInput = { kind: 'secret', message: SECRET_KEY_MESSAGE };
const invalid: HashInput = { kind: 'invalid', message: INVALID_HASH_MESSAGE };

describe('the refusals’ words', () => {
  it('say the length limit as Intl writes it, so the written-out number cannot drift from MAX_INPUT_LENGTH', () => {
    expect(TOO_LONG_MESSAGE).toContain(`(over ${new Intl.NumberFormat('en-US').format(MAX_INPUT_LENGTH)} characters)`);
  });
});

describe('parseHashInput', () => {
  it.each<[string, string, HashInput]>([
    ['a bare hash', H1, hash(H1)],
    ['surrounding whitespace and line breaks', `\n\t  ${H1}  \r\n`, hash(H1)],
    ['upper case, returned lower case', H1.toUpperCase(), hash(H1)],
    ['double quotes', `"${H1}"`, hash(H1)],
    ['single quotes', `'${H1}'`, hash(H1)],
    ['backticks', `\`${H1}\``, hash(H1)],
    ['a sentence', `The key hash is ${H1}.`, hash(H1)],
    ['JSON', `{"data":{"hash":"${H1}","name":"Prod"}}`, hash(H1)],
    ['the API URL', `https://modelgates.ai/api/v1/keys/${H1}`, hash(H1)],
    ['a URL with a query and a fragment', `https://x.test/keys/${H1}?a=1#top`, hash(H1)],
    ['key=value', `hash=${H1}`, hash(H1)],
    ['0x notation', `0x${H1}`, hash(H1)],
    ['the same hash twice, in two cases', `${H1} ${H1.toUpperCase()}`, hash(H1)],
    ['two different hashes', `${H1}\n${H2}`, choice(H1, H2)],
    ['three, in order of first appearance', `${H3}, ${H1}, ${H3}, ${H2}`, choice(H3, H1, H2)],
  ])('finds the hash in %s', (_, text, expected) => {
    expect(parseHashInput(text)).toEqual(expected);
  });

  it.each<[string, string]>([
    ['an empty string', ''],
    ['spaces', '   '],
    ['line breaks and tabs', '\n\t\r\n '],
    ['no-break and ideographic spaces', '\u00a0\u3000'],
  ])('calls %s empty', (_, text) => {
    expect(parseHashInput(text)).toEqual({ kind: 'empty' });
  });

  it.each<[string, string]>([
    ['a ModelGates key, whose tail is a 64-hex run', `sk-mg-v1-${H1}`],
    ['a ModelGates key next to a real hash', `key: sk-mg-v1-${H2}\nhash: ${H1}`],
    ['a key in upper case', `SK-MG-V1-${H1.toUpperCase()}`],
    ['a key after Bearer', `Authorization: Bearer sk-mg-v1-${H1}`],
    ['a key in an env line', `MODELGATES_API_KEY=sk-mg-v1-${H1}`],
    ['a short sk- key', 'sk-abc'],
    ['a key copied without its sk-', `mg-v1-${H1}`],
    ['a hash glued to an underscore prefix', `key_${H1}`],
    ['a random mixed-case token', 'ghp_R2d2C3poAbCdEfGh1234567890IjKlMnOp'],
    ['a mixed-case token in JSON next to a hash', `{"hash":"${H1}","token":"Ab9Cd8Ef7Gh6Ij5Kl4Mn3Op2Qr1St0Uv"}`],
  ])('refuses %s as a secret', (_, text) => {
    expect(parseHashInput(text)).toEqual(secret);
  });

  it.each<[string, string, HashInput]>([
    ['a word', 'hello', invalid],
    [
      '63 hex characters',
      H1.slice(1),
      { kind: 'invalid', message: 'This is 63 hexadecimal characters; a key hash is exactly 64.' },
    ],
    [
      '65 hex characters',
      `${H1}0`,
      { kind: 'invalid', message: 'This is 65 hexadecimal characters; a key hash is exactly 64.' },
    ],
    ['a 65-hex run inside a URL', `https://modelgates.ai/api/v1/keys/${H1}a`, invalid],
    ['a hash with one non-hex character', `${H1.slice(0, 63)}g`, invalid],
    ['a hash split by a space', `${H1.slice(0, 32)} ${H1.slice(32)}`, invalid],
    ['a long lower-case name (not a secret)', 'my-production-key-for-the-backend-service', invalid],
    ['a UUID', '123e4567-e89b-12d3-a456-426614174000', invalid],
    ['path traversal', '../../keys/%2e%2e/', invalid],
  ])('refuses %s as invalid', (_, text, expected) => {
    expect(parseHashInput(text)).toEqual(expected);
  });

  it('says what a key hash looks like', () => {
    expect(INVALID_HASH_MESSAGE).toMatch(/64 hexadecimal characters/);
  });

  it.each<[string, string, HashInput]>([
    ['exactly the limit, hash at the end', `${'x '.repeat((MAX_INPUT_LENGTH - 64) / 2)}${H1}`, hash(H1)],
    [
      'one character over the limit',
      `${'x'.repeat(MAX_INPUT_LENGTH - 63)}${H1}`,
      { kind: 'invalid', message: TOO_LONG_MESSAGE },
    ],
    ['a megabyte of text', `${H1} ${'a '.repeat(500_000)}`, { kind: 'invalid', message: TOO_LONG_MESSAGE }],
    ['a megabyte of text that starts with a key', `sk-mg-v1-${H1} ${'a '.repeat(500_000)}`, secret],
  ])('caps the work: %s', (_, text, expected) => {
    expect(parseHashInput(text)).toEqual(expected);
  });

  it.each<[number, HashInput['kind']]>([
    [MAX_HASH_CHOICES, 'choice'],
    [MAX_HASH_CHOICES + 1, 'invalid'],
  ])('offers %i different hashes as a choice only up to the cap', (count, kind) => {
    const hashes = Array.from({ length: count }, (_, i) => i.toString(16).padStart(64, 'c'));
    const result = parseHashInput(hashes.join('\n'));
    expect(result.kind).toBe(kind);
    if (result.kind === 'choice') expect(result.hashes).toEqual(hashes);
    if (result.kind === 'invalid') expect(result.message).toBe(TOO_MANY_HASHES_MESSAGE);
  });

  it.each<[string, boolean]>([
    [H1, true],
    [H1.toUpperCase(), false],
    [H1.slice(1), false],
    [`${H1}\n`, false],
    [`${H1}0`, false],
  ])('isKeyHash(%j) is %s', (value, expected) => {
    expect(isKeyHash(value)).toBe(expected);
  });
});

const hexChar = fc.constantFrom(...'0123456789abcdefABCDEF');
const hexRun = fc.string({ unit: hexChar, minLength: 60, maxLength: 70 });
const exactHash = fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 64, maxLength: 64 });
const hostile = fc.constantFrom(
  '..',
  '../',
  '%2e',
  '%2E%2e',
  '%2f',
  '/',
  '\\',
  '?',
  '#',
  '&',
  '=',
  ':',
  '@',
  ';',
  ',',
  ' ',
  '\n',
  '\r\n',
  '\t',
  '\u00a0',
  '\u2028',
  '\u3000',
  '\u0000',
  '\u202e',
  '\ufeff',
  'é',
  'ß',
  'İ',
  '😀',
  '👩‍👩‍👧',
  '\ud800',
  '"',
  "'",
  '`',
  '{',
  '}',
  '[',
  ']',
  '<',
  '>',
  'sk-',
  'SK-',
  'sk-mg-v1-',
  '-',
  '_',
  'keys/',
  'https://modelgates.ai/api/v1/keys/',
  'javascript:',
  'data:',
  '0x',
);
const fragment = fc.oneof(
  hostile,
  hexRun,
  exactHash,
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.string({ unit: 'binary' }),
  fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEFxyzXYZ-_'), maxLength: 80 }),
);
const hostileText = fc.array(fragment, { maxLength: 12 }).map((parts) => parts.join(''));

/** Every hash a result offers, whatever its kind. */
function hashesOf(result: HashInput): string[] {
  if (result.kind === 'hash') return [result.hash];
  if (result.kind === 'choice') return result.hashes;
  return [];
}

describe('parseHashInput on random and hostile text', () => {
  it('never throws and only ever returns lower-case 64-hex hashes that are in the text', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const result = parseHashInput(text);
        const lower = text.toLowerCase();
        for (const h of hashesOf(result)) {
          expect(h).toMatch(/^[0-9a-f]{64}$/);
          expect(lower).toContain(h);
        }
        if (result.kind === 'choice') {
          expect(new Set(result.hashes).size).toBe(result.hashes.length);
          expect(result.hashes.length).toBeGreaterThan(1);
          expect(result.hashes.length).toBeLessThanOrEqual(MAX_HASH_CHOICES);
        }
      }),
      { numRuns: 5000 },
    );
  });

  it('never throws on very long text', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: MAX_INPUT_LENGTH - 100, maxLength: MAX_INPUT_LENGTH + 100 }),
        hostileText,
        (long, tail) => {
          for (const h of hashesOf(parseHashInput(long + tail))) expect(h).toMatch(/^[0-9a-f]{64}$/);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('never offers a hash from text that holds an sk- key', () => {
    fc.assert(
      fc.property(
        hostileText,
        fc.constantFrom('sk-', 'SK-', 'sk-mg-v1-'),
        exactHash,
        hostileText,
        (before, prefix, hex, after) => {
          const result = parseHashInput(`${before} ${prefix}${hex} ${after}`);
          expect(result.kind).not.toBe('hash');
          expect(result.kind).not.toBe('choice');
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('finds a hash set apart by separators, in any case', () => {
    const separator = fc.constantFrom(' ', '\n', '"', "'", '`', '/', '=', ':', '.', ',', '(', ')', '#', '?');
    fc.assert(
      fc.property(
        exactHash,
        fc.boolean(),
        separator,
        separator,
        fc.string({ unit: fc.constantFrom(...'ghijklmnopqrstuvwxyz .'), maxLength: 30 }),
        (hex, upper, left, right, words) => {
          const result = parseHashInput(`${words}${left}${upper ? hex.toUpperCase() : hex}${right}${words}`);
          expect(result).toEqual({ kind: 'hash', hash: hex });
        },
      ),
      { numRuns: 2000 },
    );
  });
});
