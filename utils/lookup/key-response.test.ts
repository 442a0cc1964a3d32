import { describe, expect, it } from 'vitest';
import type { LookupError } from './lookup-error';
import { interpretKeyResponse, isRedirect, type ResponseHead } from './key-response';

const NOW = new Date('2026-11-26T12:00:00Z');
const HASH = 'f01d52606dc8f0a8303a7b5cc3fa07109c2e346cec7c0a16b40de462992ce943';
const json = (value: unknown) => JSON.stringify(value);
const apiError = (message: string) => json({ error: { code: 400, message } });

/** Interprets a real `Response` the way the transport does: its head, then its whole body. */
async function interpret(response: Response, now = NOW) {
  return interpretKeyResponse(response, await response.text(), now);
}

describe('interpretKeyResponse', () => {
  it('reads a key from a 200, stamped with the time of the answer', async () => {
    const body = json({ data: { hash: HASH, name: 'Billing exporter', usage: 4.5, extra: true } });
    expect(await interpret(new Response(body, { status: 200 }))).toEqual({
      result: { ok: true, key: { hash: HASH, name: 'Billing exporter', usage: 4.5 }, fetchedAt: NOW.toISOString() },
      retryable: false,
    });
  });

  it.each<[string, Response, LookupError, boolean]>([
    ['a 200 that is not JSON', new Response('<html>', { status: 200 }), bad(200, 'not_json'), false],
    ['a 200 that is empty', new Response(null, { status: 200 }), bad(200, 'not_json'), false],
    ['a 200 cut short', new Response('{"data":{"hash":', { status: 200 }), bad(200, 'not_json'), false],
    ['a 200 without data', new Response(json({ key: { hash: HASH } }), { status: 200 }), bad(200, 'shape'), false],
    [
      'a 200 whose data is a list',
      new Response(json({ data: [{ hash: HASH }] }), { status: 200 }),
      bad(200, 'shape'),
      false,
    ],
    [
      'a 200 whose key has no hash',
      new Response(json({ data: { name: 'x' } }), { status: 200 }),
      bad(200, 'shape'),
      false,
    ],
    ['a 203 that is not JSON', new Response('ok', { status: 203 }), bad(203, 'not_json'), false],
    [
      'a 401 with the API’s message',
      new Response(apiError('Invalid management key'), { status: 401 }),
      { kind: 'unauthorized', detail: 'Invalid management key' },
      false,
    ],
    ['a 401 without a body', new Response(null, { status: 401 }), { kind: 'unauthorized' }, false],
    [
      'a 404 with the API’s message',
      new Response(apiError('API key not found'), { status: 404 }),
      { kind: 'not_found', detail: 'API key not found' },
      false,
    ],
    ['a 404 in HTML', new Response('<h1>Not Found</h1>', { status: 404 }), { kind: 'not_found' }, false],
    ['a 404 whose message is empty', new Response(apiError(''), { status: 404 }), { kind: 'not_found' }, false],
    [
      'a 404 whose message is over 500 characters',
      new Response(apiError('x'.repeat(501)), { status: 404 }),
      { kind: 'not_found' },
      false,
    ],
    [
      'a 404 whose message is not a string',
      new Response(json({ error: { message: 42 } }), { status: 404 }),
      { kind: 'not_found' },
      false,
    ],
    [
      'a 429 with Retry-After in seconds',
      new Response(apiError('Rate limit exceeded'), { status: 429, headers: { 'Retry-After': '30' } }),
      { kind: 'rate_limited', retryAt: '2026-11-26T12:00:30.000Z', detail: 'Rate limit exceeded' },
      false,
    ],
    [
      'a 429 with Retry-After as an HTTP date',
      new Response(null, { status: 429, headers: { 'Retry-After': 'Thu, 26 Nov 2026 12:05:00 GMT' } }),
      { kind: 'rate_limited', retryAt: '2026-11-26T12:05:00.000Z' },
      false,
    ],
    [
      'a 429 with a Retry-After it cannot read',
      new Response(null, { status: 429, headers: { 'Retry-After': 'soon' } }),
      { kind: 'rate_limited' },
      false,
    ],
    ['a 429 without Retry-After', new Response(null, { status: 429 }), { kind: 'rate_limited' }, false],
    [
      'a 500 with the API’s message',
      new Response(apiError('Internal error'), { status: 500 }),
      { kind: 'server_error', status: 500, detail: 'Internal error' },
      true,
    ],
    [
      'a 502 in HTML',
      new Response('<h1>Bad Gateway</h1>', { status: 502 }),
      { kind: 'server_error', status: 502 },
      true,
    ],
    ['a 599', new Response(null, { status: 599 }), { kind: 'server_error', status: 599 }, true],
    [
      'a 403 with the API’s message',
      new Response(apiError('Forbidden'), { status: 403 }),
      { kind: 'http_error', status: 403, detail: 'Forbidden' },
      false,
    ],
    ['a 400', new Response(null, { status: 400 }), { kind: 'http_error', status: 400 }, false],
    ['a 418', new Response('teapot', { status: 418 }), { kind: 'http_error', status: 418 }, false],
    [
      'a 302',
      new Response(null, { status: 302, headers: { Location: 'https://elsewhere.example/' } }),
      { kind: 'redirected', status: 302 },
      false,
    ],
    ['a 307', new Response(null, { status: 307 }), { kind: 'redirected', status: 307 }, false],
  ])('%s', async (_, response, error, retryable) => {
    expect(await interpret(response)).toEqual({ result: { ok: false, error }, retryable });
  });

  it.each([200, 404, 500])('calls a body the transport gave up on too large, whatever the status (%i)', (status) => {
    const response = new Response(null, { status });
    expect(interpretKeyResponse(response, 'too_large', NOW)).toEqual({
      result: { ok: false, error: bad(status, 'too_large') },
      retryable: false,
    });
  });

  it('calls a browser’s opaque redirect a redirect, whatever its body', () => {
    const opaque: ResponseHead = { type: 'opaqueredirect', status: 0, headers: new Headers() };
    expect(isRedirect(opaque)).toBe(true);
    expect(interpretKeyResponse(opaque, json({ data: { hash: HASH } }), NOW)).toEqual({
      result: { ok: false, error: { kind: 'redirected', status: 0 } },
      retryable: false,
    });
  });

  it.each([
    [200, false],
    [299, false],
    [300, true],
    [399, true],
    [400, false],
  ])('isRedirect(%i) is %s', (status, redirect) => {
    expect(isRedirect(new Response(null, { status }))).toBe(redirect);
  });
});

function bad(status: number, reason: 'not_json' | 'shape' | 'too_large'): LookupError {
  return { kind: 'bad_response', status, reason };
}
