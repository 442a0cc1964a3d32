import { describe, expect, it } from 'vitest';
import type { FoundKey, MergedLookup } from '../lookup/account-answers';
import type { ApiKey } from '../api-key';
import { SECRET_KEY_MESSAGE } from '../hash-input';
import {
  choiceDescription,
  escapeDescription,
  knownKeySuggestion,
  type KnownKey,
  lookingDescription,
  lookupDescription,
  matchKnownKeys,
  partialDescription,
  secretDescription,
} from './suggestion';

const NOW = new Date('2026-11-26T14:05:00Z');
const HASH = 'f01d5260c1b7a3e94c2f0d8b6a5e4c3b2a1908f7e6d5c4b3a29180f7e6d92ce9';
const KEY: ApiKey = {
  hash: HASH,
  name: 'Billing bot',
  disabled: false,
  expires_at: null,
  limit: 100,
  limit_remaining: 57.5,
};
const found = (key: Partial<ApiKey>, account?: string): FoundKey => ({
  key: { ...KEY, ...key },
  fetchedAt: '2026-11-26T14:04:00Z',
  ...(account ? { account: { id: account.toLowerCase(), name: account } } : {}),
});
const ok = (...entries: FoundKey[]): MergedLookup => ({ ok: true, found: entries as [FoundKey, ...FoundKey[]] });

describe('lookupDescription', () => {
  it.each<[string, MergedLookup, string]>([
    ['a key of the only account', ok(found({})), 'Billing bot · Active · $42.50 of $100.00 used'],
    [
      'a key of one of several accounts',
      ok(found({}, 'Production')),
      'Billing bot · Active · $42.50 of $100.00 used · Production',
    ],
    ['a key without a limit', ok(found({ limit: null })), 'Billing bot · Active · No spending limit'],
    ['a key whose figures are unknown', ok(found({ limit_remaining: undefined })), 'Billing bot · Active'],
    ['a disabled key', ok(found({ disabled: true })), 'Billing bot · Disabled · $42.50 of $100.00 used'],
    [
      'an expired key at its limit',
      ok(found({ expires_at: '2026-11-01T00:00:00Z', limit_remaining: 0 })),
      'Billing bot · Expired, Limit reached · $100.00 of $100.00 used',
    ],
    ['an unnamed key', ok(found({ name: '  ' })), 'Unnamed key · Active · $42.50 of $100.00 used'],
    [
      'a key found in two accounts',
      ok(found({}, 'Production'), found({}, 'Staging')),
      'Billing bot · Active · $42.50 of $100.00 used · Production · also in 1 more account',
    ],
    [
      // $80 of a daily $100 by 14:04: the $20 left lasts about 3 h 31 min, before midnight.
      'a key on pace to run out before its reset',
      ok(
        found(
          { limit_reset: 'daily', include_byok_in_limit: false, usage_daily: 80, limit_remaining: 20 },
          'Production',
        ),
      ),
      'Billing bot · Active · $80.00 of $100.00 used · runs out in ~4 h · Production',
    ],
    [
      'a key on a calm pace: nothing more said',
      ok(found({ limit_reset: 'daily', include_byok_in_limit: false, usage_daily: 20, limit_remaining: 80 })),
      'Billing bot · Active · $20.00 of $100.00 used',
    ],
    ['a hash no account has', { ok: false, error: { kind: 'not_found' } }, 'f01d5260…d92ce9 · No key with this hash'],
    [
      'a lookup without a saved key',
      { ok: false, error: { kind: 'not_configured' } },
      'f01d5260…d92ce9 · No management key saved',
    ],
    ['a rate-limited lookup', { ok: false, error: { kind: 'rate_limited' } }, 'f01d5260…d92ce9 · Too many requests'],
  ])('%s, as plain text', (_, result, expected) => {
    expect(lookupDescription(HASH, result, NOW, 'plain')).toBe(expected);
  });

  it.each<[string, string, string]>([
    ['markup', '<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
    ['an ampersand and quotes', `Tom & Jerry's "bot"`, 'Tom &amp; Jerry&apos;s &quot;bot&quot;'],
    ['an entity already written out', '&amp;', '&amp;amp;'],
  ])('escapes a name with %s for Chrome, and shows it as typed for Firefox', (_, name, escaped) => {
    const result = ok(found({ name }));
    expect(lookupDescription(HASH, result, NOW, 'xml')).toBe(`${escaped} · Active · $42.50 of $100.00 used`);
    expect(lookupDescription(HASH, result, NOW, 'plain')).toBe(`${name} · Active · $42.50 of $100.00 used`);
  });

  it('escapes an account name too', () => {
    expect(lookupDescription(HASH, ok(found({}, 'R&D <EU>')), NOW, 'xml')).toBe(
      'Billing bot · Active · $42.50 of $100.00 used · R&amp;D &lt;EU&gt;',
    );
  });
});

describe('the other first rows', () => {
  it('says it is looking while the lookup runs', () => {
    expect(lookingDescription(HASH, 'plain')).toBe('Looking up f01d5260…d92ce9…');
  });

  it('says a secret is an API key, not its hash, escaped for Chrome', () => {
    expect(secretDescription('plain')).toBe(SECRET_KEY_MESSAGE);
    expect(secretDescription('xml')).toBe(SECRET_KEY_MESSAGE.replace(/'/g, '&apos;'));
    expect(secretDescription('xml')).not.toMatch(/'/);
  });

  it.each<[string, number, string]>([
    ['', 0, 'Paste a key hash, or type a name from your history or watched keys'],
    ['bill', 2, 'Open the first match for “bill”'],
    ['  zz ', 0, 'No key hash, and nothing in your history or watched keys matches “zz”'],
    ['<b>', 0, 'No key hash, and nothing in your history or watched keys matches “&lt;b&gt;”'],
  ])('partial input %j with %i matches', (text, matches, expected) => {
    expect(partialDescription(text, matches, 'xml')).toBe(expected);
  });

  it('offers a choice between several hashes', () => {
    expect(choiceDescription(3, 'plain')).toBe('3 key hashes: choose one below, or press Enter for the first');
  });
});

const BILLING: KnownKey = { hash: HASH, name: 'Billing bot', status: 'Active' };
const STAGING_BILLING: KnownKey = { ...BILLING, account: 'Staging' };
const SEARCH: KnownKey = { hash: 'ab'.repeat(32), name: 'Search <indexer>', status: 'Disabled' };
const NAMELESS: KnownKey = { hash: 'f0'.repeat(32), name: null, status: 'Expired' };
const KNOWN = [BILLING, SEARCH, STAGING_BILLING, NAMELESS, BILLING];

describe('matchKnownKeys', () => {
  it.each<[string, string, KnownKey[]]>([
    ['blank input: the most recent, each once', '  ', [BILLING, SEARCH, STAGING_BILLING, NAMELESS]],
    ['part of a name, any case', 'BOT', [BILLING, STAGING_BILLING]],
    ['a name with markup, as typed', '<index', [SEARCH]],
    ['the start of a hash', 'f01d', [BILLING, STAGING_BILLING]],
    ['the start of a hash in upper case', 'ABAB', [SEARCH]],
    ['the start shared by two hashes', 'f0', [BILLING, STAGING_BILLING, NAMELESS]],
    ['hex from the middle of a hash', 'd92ce9', []],
    ['nothing known', 'payroll', []],
  ])('%s', (_, text, expected) => {
    expect(matchKnownKeys(text, KNOWN)).toEqual(expected);
  });

  it('stops at the most the list shows', () => {
    const many = Array.from({ length: 10 }, (_, i) => ({ ...BILLING, hash: `${i}`.repeat(64), name: `bot ${i}` }));
    expect(matchKnownKeys('bot', many)).toHaveLength(6);
    expect(matchKnownKeys('bot', many, 1)).toEqual([many[0]]);
  });
});

describe('knownKeySuggestion', () => {
  it.each<[KnownKey, string, string]>([
    [BILLING, 'Billing bot · Active · f01d5260…d92ce9', 'Billing bot · Active · f01d5260…d92ce9'],
    [
      STAGING_BILLING,
      'Billing bot · Active · Staging · f01d5260…d92ce9',
      'Billing bot · Active · Staging · f01d5260…d92ce9',
    ],
    [SEARCH, 'Search <indexer> · Disabled · abababab…ababab', 'Search &lt;indexer&gt; · Disabled · abababab…ababab'],
    [NAMELESS, 'Unnamed key · Expired · f0f0f0f0…f0f0f0', 'Unnamed key · Expired · f0f0f0f0…f0f0f0'],
  ])('%o opens its hash', (known, plain, xml) => {
    expect(knownKeySuggestion(known, 'plain')).toEqual({ content: known.hash, description: plain });
    expect(knownKeySuggestion(known, 'xml')).toEqual({ content: known.hash, description: xml });
  });
});

describe('escapeDescription', () => {
  it.each([
    ['a & b', 'a &amp; b'],
    ['<match>x</match>', '&lt;match&gt;x&lt;/match&gt;'],
    [`"'`, '&quot;&apos;'],
    ['plain words', 'plain words'],
  ])('%j', (text, xml) => {
    expect(escapeDescription(text, 'xml')).toBe(xml);
    expect(escapeDescription(text, 'plain')).toBe(text);
  });
});
