import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkBaseUrl } from '../accounts/base-url';
import { parseHashInput, type KeyHash } from '../hash-input';
import { buildKeyUrl } from './key-url';

const H1 = 'f01d5260c1b7a3e94c2f0d8b6a5e4c3b2a1908f7e6d5c4b3a29180f7e6d92ce9' as KeyHash;

describe('buildKeyUrl', () => {
  it.each<[string, string]>([
    ['https://modelgates.ai/api/v1', `https://modelgates.ai/api/v1/keys/${H1}`],
    ['https://modelgates.ai/api/v1/', `https://modelgates.ai/api/v1/keys/${H1}`],
    ['https://modelgates.ai/api/v1//', `https://modelgates.ai/api/v1/keys/${H1}`],
    ['https://modelgates.ai', `https://modelgates.ai/keys/${H1}`],
    ['https://modelgates.ai/', `https://modelgates.ai/keys/${H1}`],
    ['http://127.0.0.1:4010/api/v1', `http://127.0.0.1:4010/api/v1/keys/${H1}`],
    ['https://proxy.example:8443/mg%20api/v1', `https://proxy.example:8443/mg%20api/v1/keys/${H1}`],
    // checkBaseUrl refuses these; should one slip through, nothing of it leaves the base.
    ['https://modelgates.ai/api/v1?redirect=https://evil.example', `https://modelgates.ai/api/v1/keys/${H1}`],
    ['https://modelgates.ai/api/v1#frag', `https://modelgates.ai/api/v1/keys/${H1}`],
    ['https://user:pass@modelgates.ai/api/v1', `https://modelgates.ai/api/v1/keys/${H1}`],
    ['https://modelgates.ai/api/v1/../../evil', `https://modelgates.ai/evil/keys/${H1}`],
  ])('buildKeyUrl(%s) is %s', (baseUrl, expected) => {
    expect(buildKeyUrl(baseUrl, H1)).toBe(expected);
  });

  it.each<[string]>([
    ['../../admin'],
    [`${H1}/../../admin`],
    [`${H1}?x=1`],
    [`${H1}#x`],
    [H1.toUpperCase()],
    [H1.slice(1)],
    [''],
  ])('refuses %j forged as a KeyHash', (forged) => {
    expect(() => buildKeyUrl('https://modelgates.ai/api/v1', forged as KeyHash)).toThrow(TypeError);
  });
});

const hostile = fc.constantFrom(
  '..',
  '.',
  '%2e',
  '%2E%2e',
  '%2e%2e',
  '%2f',
  '%2F',
  '/',
  '//',
  '\\',
  '?',
  '#',
  '&',
  '=',
  ':',
  '@',
  ';',
  ' ',
  '\t',
  '\n',
  '\u00a0',
  '\u0000',
  '\u202e',
  'é',
  '😀',
  '\ud800',
  '"',
  "'",
  '`',
  '<',
  '>',
  'sk-',
  'sk-mg-v1-',
  'keys',
  'keys/',
  'https://evil.example/',
  '//evil.example',
  'javascript:',
);
const text = (maxLength: number) =>
  fc
    .array(fc.oneof(hostile, fc.string({ maxLength: 10 }), fc.string({ unit: 'grapheme', maxLength: 6 })), {
      maxLength,
    })
    .map((parts) => parts.join(''));
const exactHash = fc
  .string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 64, maxLength: 64 })
  .map((h) => h as KeyHash);
/** Hashes that came out of parseHashInput for hostile text with hashes mixed in. */
const parsedHashes = fc
  .array(
    fc.oneof(
      text(4),
      exactHash,
      exactHash.map((h) => h.toUpperCase()),
    ),
    { maxLength: 8 },
  )
  .map((parts) => {
    const result = parseHashInput(parts.join(''));
    if (result.kind === 'hash') return [result.hash];
    if (result.kind === 'choice') return result.hashes;
    return [];
  });
/** Base URLs as the options page would store them: whatever survived checkBaseUrl, maybe with a slash. */
const checkedBase = fc
  .tuple(
    fc.constantFrom(
      'https://modelgates.ai',
      'https://proxy.example:8443',
      'http://localhost:8787',
      'http://127.0.0.1',
      'https://xn--bcher-kva.example',
    ),
    text(6),
    fc.constantFrom('', '/', '//'),
  )
  .map(([origin, path, tail]) => checkBaseUrl(`${origin}/${path}${tail}`))
  .chain((check) => (check.ok ? fc.constantFrom(check.baseUrl, `${check.baseUrl}/`) : fc.constant(null)))
  .filter((base): base is string => base !== null);

/** The base's own path, as the URL parser normalizes it, without trailing slashes. */
const basePath = (base: string) => new URL(base).pathname.replace(/\/+$/, '');

describe('buildKeyUrl on random and hostile input', () => {
  it('stays on the base origin, under the base path, with no query or fragment', () => {
    fc.assert(
      fc.property(
        checkedBase,
        fc.oneof(
          exactHash.map((h) => [h]),
          parsedHashes,
        ),
        (base, hashes) => {
          for (const hash of hashes) {
            expect(hash).toMatch(/^[0-9a-f]{64}$/);
            const built = buildKeyUrl(base, hash);
            const url = new URL(built);
            expect(url.origin).toBe(new URL(base).origin);
            expect(url.pathname).toBe(`${basePath(base)}/keys/${hash}`);
            expect(url.search).toBe('');
            expect(url.hash).toBe('');
            expect(url.username + url.password).toBe('');
            expect(built).not.toMatch(/[?#]/);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('ignores whatever query, fragment or credentials an unchecked base carries', () => {
    const anyBase = fc
      .tuple(
        fc.constantFrom('https://', 'http://'),
        fc.constantFrom('', 'user@', 'u:p@'),
        fc.constantFrom('modelgates.ai', 'a.example:81'),
        text(8),
      )
      .map(([scheme, auth, host, rest]) => `${scheme}${auth}${host}/${rest}`)
      .filter((base) => URL.canParse(base));
    fc.assert(
      fc.property(anyBase, exactHash, (base, hash) => {
        const url = new URL(buildKeyUrl(base, hash));
        expect(url.origin).toBe(new URL(base).origin);
        expect(url.pathname).toBe(`${basePath(base)}/keys/${hash}`);
        expect(url.search + url.hash + url.username + url.password).toBe('');
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses every string that is not a key hash', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          text(6),
          exactHash.map((h) => `${h}/`),
          fc.string(),
        ),
        (forged) => {
          fc.pre(!/^[0-9a-f]{64}$/.test(forged));
          expect(() => buildKeyUrl('https://modelgates.ai/api/v1', forged as KeyHash)).toThrow(TypeError);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
