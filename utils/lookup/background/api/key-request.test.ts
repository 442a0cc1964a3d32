// @vitest-environment node
import { describe, expect, it, vi } from 'vitest';
import type { KeyHash } from '../../../hash-input';
import { type KeyRequest, requestKey, type Transport } from './key-request';

const NOW = new Date('2026-11-26T12:00:00Z');
const HASH = 'f01d52606dc8f0a8303a7b5cc3fa07109c2e346cec7c0a16b40de462992ce943' as KeyHash;
const KEY = 'sk-mg-mgmt-account-b-0123456789';
const request: KeyRequest = { baseUrl: 'https://b.example/api/v1/', hash: HASH, managementKey: KEY, timeoutSeconds: 5 };
const found = () => Response.json({ data: { hash: HASH, name: 'Billing exporter' } });
const failing = (status: number) => () => new Response('<h1>down</h1>', { status });

/** A fetch that answers from the list in turn, and the transport around it. */
function transport(...answers: (() => Response | Promise<Response>)[]) {
  const fetch = vi.fn(async (_url: string, _init?: RequestInit) => {
    const answer = answers.shift();
    if (!answer) throw new TypeError('no more answers');
    return answer();
  });
  const sleep = vi.fn(async (_ms: number) => {});
  const options: Transport = { fetch: fetch as typeof globalThis.fetch, sleep, random: () => 0.5, now: () => NOW };
  return { fetch, sleep, options };
}

describe('requestKey', () => {
  it('sends the key it is given to the base it is given, in the Authorization header only', async () => {
    const { fetch, options } = transport(found);
    const result = await requestKey(request, options);
    expect(result).toEqual({ ok: true, key: { hash: HASH, name: 'Billing exporter' }, fetchedAt: NOW.toISOString() });
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe(`https://b.example/api/v1/keys/${HASH}`);
    expect(init).toMatchObject({
      method: 'GET',
      headers: { Authorization: `Bearer ${KEY}`, Accept: 'application/json' },
      redirect: 'manual',
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
    });
    expect(url).not.toContain(KEY);
  });

  it('tries a 5xx once more after a jittered pause, and keeps the second answer', async () => {
    const { fetch, sleep, options } = transport(failing(503), found);
    expect(await requestKey(request, options)).toMatchObject({ ok: true });
    expect(fetch).toHaveBeenCalledTimes(2);
    expect(sleep).toHaveBeenCalledWith(375);
  });

  it('gives up after the second failure', async () => {
    const { fetch, options } = transport(failing(500), failing(502));
    expect(await requestKey(request, options)).toEqual({ ok: false, error: { kind: 'server_error', status: 502 } });
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it('tries a network failure once more, then names the origin it could not reach', async () => {
    const { fetch, options } = transport();
    expect(await requestKey(request, options)).toEqual({
      ok: false,
      error: { kind: 'network', origin: 'https://b.example' },
    });
    expect(fetch).toHaveBeenCalledTimes(2);
  });

  it.each([401, 404, 429, 403])('does not retry a %i', async (status) => {
    const { fetch, options } = transport(() => new Response(null, { status }));
    await requestKey(request, options);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('does not read the body of a redirect', async () => {
    let read = false;
    const body = new ReadableStream(
      {
        pull(controller) {
          read = true;
          controller.close();
        },
      },
      { highWaterMark: 0 },
    );
    const { options } = transport(() => new Response(body, { status: 302 }));
    expect(await requestKey(request, options)).toEqual({ ok: false, error: { kind: 'redirected', status: 302 } });
    expect(read).toBe(false);
  });

  it('is cancelled, without a retry, when a newer lookup aborts it during the pause', async () => {
    const controller = new AbortController();
    const { fetch, sleep, options } = transport(failing(500), found);
    sleep.mockImplementation(async () => controller.abort());
    expect(await requestKey({ ...request, signal: controller.signal }, options)).toEqual({
      ok: false,
      error: { kind: 'cancelled' },
    });
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('readies the key’s parser once, while its first request is out, not after the answer', async () => {
    // A worker that has not looked anything up yet.
    vi.resetModules();
    const { keyResponseSchema } = await import('../../../api-key');
    const { requestKey } = await import('./key-request');
    const parse = vi.spyOn(keyResponseSchema(), 'safeParse');
    let answer: (response: Response) => void = () => {};
    const { options } = transport(() => new Promise<Response>((resolve) => (answer = resolve)), found);
    const first = requestKey(request, options);
    await vi.waitFor(() => expect(parse).toHaveBeenCalledTimes(1));
    expect(parse).toHaveBeenLastCalledWith({ data: {} });
    answer(found());
    expect(await first).toMatchObject({ ok: true, key: { name: 'Billing exporter' } });
    await requestKey(request, options);
    // The two answers' parses, and no second readying.
    expect(parse.mock.calls.filter(([body]) => JSON.stringify(body) === '{"data":{}}')).toHaveLength(1);
    expect(parse).toHaveBeenCalledTimes(3);
  });
});
