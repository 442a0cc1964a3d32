import { describe, expect, it } from 'vitest';
import { extractHashes, MAX_BULK_HASHES, type ExtractedHashes } from './extract-hashes';

const H1 = 'f01d5260c1b7a3e94c2f0d8b6a5e4c3b2a1908f7e6d5c4b3a29180f7e6d92ce9';
const H2 = '0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9';
const H3 = '9999999999999999999999999999999999999999999999999999999999999999';
const SECRET = `sk-mg-v1-${'ab12'.repeat(16)}`;

/** The nth distinct hash, reproducible. */
const nth = (n: number) => n.toString(16).padStart(64, '0');

const result = (hashes: string[], secretsIgnored = 0): ExtractedHashes => ({
  hashes: hashes as ExtractedHashes['hashes'],
  found: hashes.length,
  capped: false,
  secretsIgnored,
});

describe('extractHashes', () => {
  it.each<[string, string, ExtractedHashes]>([
    ['empty text', '', result([])],
    ['text without hashes', 'nothing to see here, 12 34 deadbeef', result([])],
    ['a billing CSV', `hash,name,usage\n${H1},Prod,12.5\n"${H2}","Staging, EU",0\n${H1},Prod,3`, result([H1, H2])],
    [
      'a JSON export',
      JSON.stringify({ data: [{ hash: H2, name: 'a' }, { hash: H3 }, { nested: { hash: H2.toUpperCase() } }] }),
      result([H2, H3]),
    ],
    [
      'log lines with URLs and queries',
      `2026-11-26T14:05:00Z GET https://modelgates.ai/api/v1/keys/${H3}?x=1 200\n` +
        `2026-11-26T14:05:01Z key_hash=${H1} status=429\n` +
        `2026-11-26T14:05:02Z GET /keys/${H3}#top 200`,
      result([H3, H1]),
    ],
    ['upper and mixed case, returned lower case', `${H1.toUpperCase()} ${H1}`, result([H1])],
    ['order of first appearance, not sorted', `${H3} ${H1} ${H2} ${H1} ${H3}`, result([H3, H1, H2])],
    ['0x notation', `0x${H2}`, result([H2])],
    ['a 65-hex run is not a hash', `${H1}0 ${H2.slice(1)}`, result([])],
    ['a ModelGates key, whose tail is a 64-hex run', `${SECRET} ${H1}`, result([H1], 1)],
    ['a key in upper case, its tail a real hash', `SK-MG-V1-${H2.toUpperCase()}\n${H1}`, result([H1], 1)],
    ['a key without its sk-', `mg-v1-${H2} ${H1}`, result([H1], 1)],
    [
      'an env file: the same key twice and a random token',
      `MODELGATES_API_KEY=${SECRET}\nOTHER=${SECRET}\nGITHUB=ghp_R2d2C3poAbCdEfGh1234567890IjKlMnOp\nHASH=${H3}`,
      result([H3], 2),
    ],
    ['a key after Bearer in a log', `Authorization: Bearer ${SECRET} hash=${H2}`, result([H2], 1)],
  ])('finds the hashes in %s', (_, text, expected) => {
    expect(extractHashes(text)).toEqual(expected);
  });

  it.each<[number, number, boolean]>([
    [MAX_BULK_HASHES - 1, MAX_BULK_HASHES - 1, false],
    [MAX_BULK_HASHES, MAX_BULK_HASHES, false],
    [MAX_BULK_HASHES + 1, MAX_BULK_HASHES, true],
    [MAX_BULK_HASHES * 2, MAX_BULK_HASHES, true],
  ])('with %i distinct hashes keeps the first %i (capped: %s)', (count, kept, capped) => {
    const all = Array.from({ length: count }, (_, i) => nth(i));
    const extracted = extractHashes(all.join('\n'));
    expect(extracted.hashes).toEqual(all.slice(0, kept));
    expect(extracted.found).toBe(count);
    expect(extracted.capped).toBe(capped);
  });

  it('takes a smaller cap', () => {
    expect(extractHashes(`${H1} ${H2} ${H3}`, 2)).toEqual({
      hashes: [H1, H2],
      found: 3,
      capped: true,
      secretsIgnored: 0,
    });
  });

  it('finds every hash in 5 MB of mixed CSV, JSON and log lines, skipping the secrets among them', () => {
    const records: string[] = [];
    let size = 0;
    for (let i = 0; size < 5_000_000; i++) {
      // 4,000 hashes, each in many records and in both cases, so de-duplication is exercised.
      const hash = nth(i % 4_000);
      const record = [
        `${hash},"Key ${i}",${i * 0.01},2026-11-26`,
        JSON.stringify({ hash: hash.toUpperCase(), name: `key ${i}`, usage: i }),
        `2026-11-26T14:05:00Z INFO GET https://modelgates.ai/api/v1/keys/${hash}?page=${i} took ${i % 97} ms`,
        // 50 distinct keys whose tails are hashes found nowhere else, and a 65-hex run.
        `2026-11-26T14:05:00Z WARN rotated sk-mg-v1-${nth(100_000 + (i % 50))} trace=${nth(i)}0`,
        'lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt',
      ].join('\n');
      records.push(record);
      size += record.length + 1;
    }
    const text = records.join('\n');
    expect(text.length).toBeGreaterThanOrEqual(5_000_000);

    expect(extractHashes(text)).toEqual(
      result(
        Array.from({ length: 4_000 }, (_, i) => nth(i)),
        50,
      ),
    );
  });
});
