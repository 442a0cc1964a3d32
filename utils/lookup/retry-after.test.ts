import { describe, expect, it } from 'vitest';
import { parseRetryAfter } from './retry-after';

const NOW = new Date('2026-10-21T07:00:00Z');

describe('parseRetryAfter', () => {
  it.each<[string | null, string | undefined]>([
    ['120', '2026-10-21T07:02:00.000Z'],
    [' 30 ', '2026-10-21T07:00:30.000Z'],
    ['0', '2026-10-21T07:00:00.000Z'],
    ['0120', '2026-10-21T07:02:00.000Z'],
    ['86400', '2026-10-22T07:00:00.000Z'],
    ['86401', undefined],
    ['99999999999999999999999', undefined],
    ['-5', undefined],
    ['+5', undefined],
    ['1.5', undefined],
    ['1e3', undefined],
    ['Wed, 21 Oct 2026 07:28:00 GMT', '2026-10-21T07:28:00.000Z'],
    ['wed, 21 oct 2026 07:28:00 gmt', '2026-10-21T07:28:00.000Z'],
    ['Wednesday, 21-Oct-26 07:28:00 GMT', '2026-10-21T07:28:00.000Z'],
    ['Wed Oct 21 07:28:00 2026', '2026-10-21T07:28:00.000Z'],
    ['Thu Oct  22 07:00:00 2026', undefined],
    ['Thu Oct 22 07:00:00 2026', '2026-10-22T07:00:00.000Z'],
    ['Thu, 22 Oct 2026 07:00:01 GMT', undefined],
    ['Tue, 20 Oct 2026 07:00:00 GMT', '2026-10-21T07:00:00.000Z'],
    ['Thu, 01 Jan 1970 00:00:00 GMT', '2026-10-21T07:00:00.000Z'],
    ['Sunday, 06-Nov-94 08:49:37 GMT', '2026-10-21T07:00:00.000Z'],
    ['Wed, 31 Feb 2026 07:28:00 GMT', undefined],
    ['Wed, 21 Foo 2026 07:28:00 GMT', undefined],
    ['Wed, 21 Oct 2026 25:00:00 GMT', undefined],
    ['Wed, 21 Oct 2026 07:28:00 PST', undefined],
    ['2026-10-21T07:28:00Z', undefined],
    ['tomorrow', undefined],
    ['', undefined],
    [null, undefined],
  ])('Retry-After %j allows a retry at %s', (header, expected) => {
    expect(parseRetryAfter(header, NOW)?.toISOString()).toBe(expected);
  });

  it('reads a two-digit RFC 850 year relative to now, not the real clock', () => {
    const in2099 = new Date('2099-12-31T23:00:00Z');
    expect(parseRetryAfter('Friday, 01-Jan-00 00:00:00 GMT', in2099)?.toISOString()).toBe('2100-01-01T00:00:00.000Z');
  });

  it('gives up on an invalid now', () => {
    expect(parseRetryAfter('120', new Date(Number.NaN))).toBeUndefined();
  });
});
