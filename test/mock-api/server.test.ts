// @vitest-environment node
import { readFileSync } from 'node:fs';
import type { ValidateFunction } from 'ajv';
import Ajv2020 from 'ajv/dist/2020';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  ELSEWHERE_KEY_NAME,
  FAULT_HASHES,
  MOCK_MANAGEMENT_KEY,
  SAMPLE_HASHES,
  UNKNOWN_HASH,
  sampleKeyData,
  type SampleName,
} from './samples.ts';
import { HUGE_BODY_BYTES, startMockApi, type MockApi } from './server.ts';

const NOW = new Date('2026-03-10T09:00:00Z');
const ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
const AUTH = { Authorization: `Bearer ${MOCK_MANAGEMENT_KEY}` };

type SchemaName =
  | 'ApiKeys_getKey_Response_200'
  | 'UnauthorizedResponse'
  | 'NotFoundResponse'
  | 'TooManyRequestsResponse'
  | 'InternalServerResponse';

function specValidators(): (name: SchemaName) => ValidateFunction {
  const specUrl = new URL('../../spec/modelgates-keys.openapi.yaml', import.meta.url);
  const spec: unknown = parse(readFileSync(specUrl, 'utf8'));
  if (typeof spec !== 'object' || spec === null || !('components' in spec)) {
    throw new Error('the spec has no components');
  }
  const ajv = new Ajv2020({ allErrors: true, allowUnionTypes: true });
  // The spec's refs are '#/components/schemas/…': the components are added as one document
  // (with `components` declared as a keyword, which strict mode requires) so they resolve as is.
  ajv.addKeyword({ keyword: 'components' });
  ajv.addFormat('double', { type: 'number', validate: (n: number) => Number.isFinite(n) });
  ajv.addFormat('date-time', {
    type: 'string',
    validate: (text: string) =>
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i.test(text) && !Number.isNaN(Date.parse(text)),
  });
  const id = 'https://mock-api.test/openapi';
  ajv.addSchema({ $id: id, components: spec.components });
  return (name) => {
    const validate = ajv.getSchema(`${id}#/components/schemas/${name}`);
    if (validate === undefined) throw new Error(`no schema ${name} in the spec`);
    return validate;
  };
}

const validator = specValidators();

/** Schema errors as readable lines; [] when the body conforms. */
function specErrors(name: SchemaName, body: unknown): string[] {
  const validate = validator(name);
  return validate(body) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ''}`);
}

let api: MockApi;

beforeAll(async () => {
  api = await startMockApi({ now: () => NOW });
});

afterAll(async () => {
  await api.close();
});

afterEach(() => {
  api.slowMs = 15_000;
  api.latencyMs = 0;
  api.clearRequests();
});

function getKey(hash: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${api.baseUrl}/keys/${hash}`, { headers: AUTH, ...init });
}

describe('sample hashes', () => {
  const all = [...Object.values(SAMPLE_HASHES), ...Object.values(FAULT_HASHES), UNKNOWN_HASH];

  it('are 64 lower-case hex digits and never shared', () => {
    expect(all.filter((hash) => !/^[0-9a-f]{64}$/.test(hash))).toEqual([]);
    expect(new Set(all).size).toBe(all.length);
  });

  it('leave UNKNOWN_HASH unanswered', async () => {
    const res = await getKey(UNKNOWN_HASH);
    expect(res.status).toBe(404);
  });
});

describe('GET /keys/{hash} with a sample hash', () => {
  const specSamples: [SampleName, Record<string, unknown>][] = [
    [
      'active',
      {
        name: 'Production backend',
        disabled: false,
        expires_at: null,
        limit: 100,
        limit_remaining: 57.25,
        limit_reset: 'monthly',
        include_byok_in_limit: false,
        byok_usage: 0,
      },
    ],
    ['disabled', { disabled: true }],
    ['expired', { disabled: false, expires_at: '2026-02-26T09:00:00.000Z' }],
    ['expiringSoon', { disabled: false, expires_at: '2026-03-13T09:00:00.000Z' }],
    ['limitReached', { limit: 25, limit_remaining: 0, limit_reset: 'daily' }],
    ['noLimit', { limit: null, limit_remaining: null, limit_reset: null }],
    ['byok', { include_byok_in_limit: true, limit_reset: 'weekly', byok_usage: 611.47, byok_usage_weekly: 18.45 }],
    ['hostile', { name: '<img src=x onerror=alert(1)>', label: '</script><script>alert(2)</script>' }],
  ];

  it('covers every sample but "partial" in this table', () => {
    const covered = specSamples.map(([name]) => name);
    expect(Object.keys(SAMPLE_HASHES).filter((name) => !covered.includes(name as SampleName))).toEqual(['partial']);
  });

  it.each(specSamples)('%s answers 200 with a body that matches the spec', async (name, fields) => {
    const res = await getKey(SAMPLE_HASHES[name]);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    const body: unknown = await res.json();
    expect(specErrors('ApiKeys_getKey_Response_200', body)).toEqual([]);
    expect(body).toMatchObject({ data: { hash: SAMPLE_HASHES[name], ...fields } });
  });

  it.each(specSamples)('%s was created before now and not updated after it', async (name) => {
    const data = sampleKeyData(name, NOW);
    expect(Date.parse(String(data.created_at))).toBeLessThan(NOW.getTime());
    expect(data.updated_at === null || Date.parse(String(data.updated_at)) <= NOW.getTime()).toBe(true);
  });

  it('gives every sample its own name and label', () => {
    const names = specSamples.map(([name]) => sampleKeyData(name, NOW).name);
    const labels = specSamples.map(([name]) => sampleKeyData(name, NOW).label);
    expect(new Set(names).size).toBe(specSamples.length);
    expect(new Set(labels).size).toBe(specSamples.length);
  });

  // "partial" is skipped by the conformance check above on purpose: it stands for an API that
  // drifted from its spec. This test proves it really is off-spec (and that the validator bites).
  it('partial answers 200 with a body the spec rejects but whose hash is intact', async () => {
    const res = await getKey(SAMPLE_HASHES.partial);
    expect(res.status).toBe(200);
    const body: unknown = await res.json();
    expect(specErrors('ApiKeys_getKey_Response_200', body)).toEqual(
      expect.arrayContaining([
        "/data must have required property 'label'",
        '/data/created_at must be string',
        '/data/disabled must be boolean',
        '/data/usage must be number',
      ]),
    );
    expect(body).toMatchObject({ data: { hash: SAMPLE_HASHES.partial, usage: '12', disabled: 'no', created_at: 42 } });
  });
});

describe('authorization', () => {
  it.each([
    ['no Authorization header', undefined],
    ['another key', 'Bearer sk-mg-mgmt-mock-0000000000000000'],
    ['the key without a scheme', MOCK_MANAGEMENT_KEY],
    ['the key under Basic', `Basic ${btoa(`user:${MOCK_MANAGEMENT_KEY}`)}`],
    ['the key with a suffix', `Bearer ${MOCK_MANAGEMENT_KEY}x`],
  ])('refuses %s with 401, even for fault hashes', async (_case, authorization) => {
    const headers: Record<string, string> = authorization === undefined ? {} : { Authorization: authorization };
    for (const hash of [SAMPLE_HASHES.active, FAULT_HASHES.dropConnection, FAULT_HASHES.slow]) {
      const res = await getKey(hash, { headers });
      expect(res.status).toBe(401);
      const body: unknown = await res.json();
      expect(specErrors('UnauthorizedResponse', body)).toEqual([]);
      expect(body).toEqual({ error: { code: 401, message: 'Invalid management key' } });
    }
  });

  it('accepts the scheme name in any case', async () => {
    const res = await getKey(SAMPLE_HASHES.active, { headers: { Authorization: `bearer ${MOCK_MANAGEMENT_KEY}` } });
    expect(res.status).toBe(200);
  });
});

describe('not found', () => {
  it.each([
    ['an unknown hash', `/api/v1/keys/${UNKNOWN_HASH}`, 'GET', 'API key not found'],
    ['a malformed hash', '/api/v1/keys/not-a-hash', 'GET', 'API key not found'],
    ['an upper-case sample hash', `/api/v1/keys/${SAMPLE_HASHES.active.toUpperCase()}`, 'GET', 'API key not found'],
    ['a broken escape', '/api/v1/keys/%E0%A4%A', 'GET', 'API key not found'],
    ['the collection', '/api/v1/keys', 'GET', 'Not found'],
    ['another version', `/api/v2/keys/${SAMPLE_HASHES.active}`, 'GET', 'Not found'],
    ['a sub-resource', `/api/v1/keys/${SAMPLE_HASHES.active}/usage`, 'GET', 'Not found'],
    ['another method', `/api/v1/keys/${SAMPLE_HASHES.active}`, 'DELETE', 'Not found'],
  ])('answers %s with 404', async (_case, path, method, message) => {
    const res = await fetch(`${api.origin}${path}`, { method, headers: AUTH });
    expect(res.status).toBe(404);
    const body: unknown = await res.json();
    expect(specErrors('NotFoundResponse', body)).toEqual([]);
    expect(body).toEqual({ error: { code: 404, message } });
  });

  it('ignores a query string', async () => {
    const res = await fetch(`${api.baseUrl}/keys/${SAMPLE_HASHES.active}?fresh=1`, { headers: AUTH });
    expect(res.status).toBe(200);
  });
});

describe('faults', () => {
  it.each([
    ['rateLimitedSeconds', FAULT_HASHES.rateLimitedSeconds, '30'],
    ['rateLimitedDate', FAULT_HASHES.rateLimitedDate, 'Tue, 10 Mar 2026 09:02:00 GMT'],
    ['rateLimitedBare', FAULT_HASHES.rateLimitedBare, null],
  ])('%s answers 429 with Retry-After %s', async (_name, hash, retryAfter) => {
    const res = await getKey(hash, { headers: { ...AUTH, Origin: ORIGIN } });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe(retryAfter);
    const body: unknown = await res.json();
    expect(specErrors('TooManyRequestsResponse', body)).toEqual([]);
    expect(body).toEqual({ error: { code: 429, message: 'Rate limit exceeded' } });
  });

  it('serverErrorJson answers 500 with a spec error body', async () => {
    const res = await getKey(FAULT_HASHES.serverErrorJson);
    expect(res.status).toBe(500);
    const body: unknown = await res.json();
    expect(specErrors('InternalServerResponse', body)).toEqual([]);
    expect(body).toEqual({ error: { code: 500, message: 'Internal error: upstream database timeout' } });
  });

  it.each([
    ['badGatewayHtml', FAULT_HASHES.badGatewayHtml, 502, 'text/html', '502 Bad Gateway'],
    ['unavailableHtml', FAULT_HASHES.unavailableHtml, 503, 'text/html', 'Service Unavailable'],
    ['forbidden', FAULT_HASHES.forbidden, 403, 'application/json', '"code":403'],
    ['notJson', FAULT_HASHES.notJson, 200, 'text/plain', 'does not speak JSON'],
  ])('%s answers %i as %s', async (_name, hash, status, type, excerpt) => {
    const res = await getKey(hash);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')?.startsWith(type)).toBe(true);
    expect(await res.text()).toContain(excerpt);
  });

  it('truncatedJson answers 200 JSON that does not parse', async () => {
    const res = await getKey(FAULT_HASHES.truncatedJson);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json');
    const text = await res.text();
    expect(text.startsWith('{"data":{"hash":')).toBe(true);
    expect(() => JSON.parse(text)).toThrow(SyntaxError);
  });

  it('wrongShape answers 200 JSON without data', async () => {
    const res = await getKey(FAULT_HASHES.wrongShape);
    expect(res.status).toBe(200);
    const body: unknown = await res.json();
    expect(specErrors('ApiKeys_getKey_Response_200', body)).toEqual([" must have required property 'data'"]);
    expect(body).toMatchObject({ key: { name: 'Production backend' } });
  });

  it('hugeBody answers 1.5 MiB of spec-valid JSON with its Content-Length', async () => {
    const res = await getKey(FAULT_HASHES.hugeBody);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe(String(HUGE_BODY_BYTES));
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(bytes.length).toBe(1_572_864);
    const body: unknown = JSON.parse(new TextDecoder().decode(bytes));
    expect(specErrors('ApiKeys_getKey_Response_200', body)).toEqual([]);
  });

  it('redirectElsewhere answers 302 to another origin, which serves a key and records the visit', async () => {
    const res = await getKey(FAULT_HASHES.redirectElsewhere, { redirect: 'manual' });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location') ?? '');
    expect(location.origin).toBe(api.elsewhereOrigin);
    expect(location.origin).not.toBe(api.origin);

    const followed = await fetch(location, { headers: { Origin: ORIGIN } });
    expect(followed.status).toBe(200);
    expect(followed.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    const body: unknown = await followed.json();
    expect(specErrors('ApiKeys_getKey_Response_200', body)).toEqual([]);
    expect(body).toMatchObject({ data: { name: ELSEWHERE_KEY_NAME } });
    expect(api.requests.map((r) => [r.target, r.method, r.url])).toEqual([
      ['api', 'GET', `/api/v1/keys/${FAULT_HASHES.redirectElsewhere}`],
      ['elsewhere', 'GET', `/api/v1/keys/${FAULT_HASHES.redirectElsewhere}`],
    ]);
  });

  it('slow answers a valid key after slowMs, which is read per request', async () => {
    api.slowMs = 120;
    const started = performance.now();
    const res = await getKey(FAULT_HASHES.slow);
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
    expect(res.status).toBe(200);
    const body: unknown = await res.json();
    expect(specErrors('ApiKeys_getKey_Response_200', body)).toEqual([]);
    expect(body).toMatchObject({ data: { hash: FAULT_HASHES.slow, name: 'Production backend' } });
  });

  it('slow keeps a client waiting past its timeout by default', async () => {
    expect(api.slowMs).toBe(15_000);
    await expect(getKey(FAULT_HASHES.slow, { signal: AbortSignal.timeout(100) })).rejects.toThrow(
      expect.objectContaining({ name: 'TimeoutError' }),
    );
  });

  it('dropConnection closes the socket without an answer', async () => {
    await expect(getKey(FAULT_HASHES.dropConnection)).rejects.toThrow(TypeError);
    expect(api.requests).toHaveLength(1);
  });
});

describe('latency', () => {
  it('delays every answer by latencyMs', async () => {
    api.latencyMs = 120;
    const started = performance.now();
    const res = await getKey(SAMPLE_HASHES.active);
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
    expect(res.status).toBe(200);
  });

  it.each([
    ['slowMs', -1],
    ['latencyMs', Number.NaN],
  ] as const)('refuses %s = %d', (field, value) => {
    expect(() => {
      api[field] = value;
    }).toThrow(RangeError);
  });
});

describe('held answers', () => {
  it('answers nothing while held, then every held request at once when let go', async () => {
    const release = api.holdAnswers();
    let answered = 0;
    const pending = [SAMPLE_HASHES.active, UNKNOWN_HASH].map((hash) =>
      getKey(hash).then((res) => {
        answered += 1;
        return res.status;
      }),
    );
    await expect.poll(() => api.requests.length).toBe(2);
    // The other listener is not held: its answer to a request sent after the two arrived comes
    // back while they still wait.
    expect((await fetch(`${api.elsewhereOrigin}/api/v1/keys/${SAMPLE_HASHES.active}`)).status).toBe(200);
    expect(answered).toBe(0);
    release();
    expect(await Promise.all(pending)).toEqual([200, 404]);
    expect((await getKey(SAMPLE_HASHES.active)).status).toBe(200);
  });
});

describe('CORS', () => {
  it('answers a preflight without credentials with 204 and the allowed method and headers', async () => {
    const res = await fetch(`${api.baseUrl}/keys/${SAMPLE_HASHES.active}`, {
      method: 'OPTIONS',
      headers: {
        Origin: ORIGIN,
        'Access-Control-Request-Method': 'GET',
        'Access-Control-Request-Headers': 'authorization',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(res.headers.get('access-control-allow-methods')).toBe('GET');
    expect(res.headers.get('access-control-allow-headers')).toBe('authorization, accept');
    expect(Number(res.headers.get('access-control-max-age'))).toBeGreaterThan(0);
  });

  it.each([
    ['200', SAMPLE_HASHES.active, AUTH],
    ['401', SAMPLE_HASHES.active, {}],
    ['404', UNKNOWN_HASH, AUTH],
    ['429', FAULT_HASHES.rateLimitedSeconds, AUTH],
    ['502', FAULT_HASHES.badGatewayHtml, AUTH],
  ])('lets the calling origin read a %s answer and its Retry-After', async (_status, hash, auth) => {
    const withOrigin = await getKey(hash, { headers: { ...auth, Origin: ORIGIN } });
    expect(withOrigin.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(withOrigin.headers.get('access-control-expose-headers')).toBe('Retry-After');
    const without = await getKey(hash, { headers: auth });
    expect(without.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('with cors off, answers as a server that allows no other origin: no preflight, no Access-Control headers', async () => {
    api.cors = false;
    try {
      const preflight = await fetch(`${api.baseUrl}/keys/${SAMPLE_HASHES.active}`, {
        method: 'OPTIONS',
        headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'GET' },
      });
      expect(preflight.status).toBe(405);
      const answer = await getKey(SAMPLE_HASHES.active, { headers: { ...AUTH, Origin: ORIGIN } });
      expect(answer.status).toBe(200);
      expect([...answer.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([]);
    } finally {
      api.cors = true;
    }
  });
});

describe('recorded requests', () => {
  it('keeps method, url, headers and time of each request, preflights included', async () => {
    const before = Date.now();
    const url = `${api.baseUrl}/keys/${SAMPLE_HASHES.byok}`;
    await fetch(url, { method: 'OPTIONS', headers: { Origin: ORIGIN, 'Access-Control-Request-Method': 'GET' } });
    await fetch(url, { headers: { ...AUTH, Origin: ORIGIN, Accept: 'application/json' } });

    expect(api.requests).toEqual([
      expect.objectContaining({ target: 'api', method: 'OPTIONS', url: `/api/v1/keys/${SAMPLE_HASHES.byok}` }),
      expect.objectContaining({
        target: 'api',
        method: 'GET',
        url: `/api/v1/keys/${SAMPLE_HASHES.byok}`,
        headers: expect.objectContaining({
          authorization: `Bearer ${MOCK_MANAGEMENT_KEY}`,
          origin: ORIGIN,
          accept: 'application/json',
        }),
      }),
    ]);
    for (const { at } of api.requests) {
      expect(at).toBeGreaterThanOrEqual(before);
      expect(at).toBeLessThanOrEqual(Date.now());
    }
  });

  it('keeps the body of a request that has one, for tests that look for a key in it', async () => {
    await fetch(`${api.baseUrl}/keys/${SAMPLE_HASHES.byok}`, { method: 'POST', headers: AUTH, body: 'key=sk-in-body' });
    await getKey(SAMPLE_HASHES.active);
    expect(api.requests.map((r) => [r.method, r.body])).toEqual([
      ['POST', 'key=sk-in-body'],
      ['GET', ''],
    ]);
  });

  it('clearRequests empties the same array', async () => {
    const held = api.requests;
    await getKey(SAMPLE_HASHES.active);
    expect(held).toHaveLength(1);
    api.clearRequests();
    expect(held).toHaveLength(0);
    expect(api.requests).toBe(held);
  });
});

describe('close', () => {
  it('returns promptly with a slow answer pending, after which nothing listens', async () => {
    const own = await startMockApi({ now: () => NOW });
    const pending = fetch(`${own.baseUrl}/keys/${FAULT_HASHES.slow}`, { headers: AUTH });
    await expect.poll(() => own.requests.length).toBe(1);

    // The slow answer is 15 s away, three times the test's timeout: close() does not wait for it.
    await own.close();
    await expect(pending).rejects.toThrow(TypeError);
    await expect(fetch(`${own.baseUrl}/keys/${SAMPLE_HASHES.active}`, { headers: AUTH })).rejects.toThrow(TypeError);
    await expect(fetch(own.elsewhereOrigin)).rejects.toThrow(TypeError);
    await expect(own.close()).resolves.toBeUndefined();
  });

  it('refuses a port that is taken', async () => {
    const port = Number(new URL(api.origin).port);
    await expect(startMockApi({ port })).rejects.toThrow(/EADDRINUSE/);
  });
});

describe('mock API bulk modes', () => {
  it('answers 429 with Retry-After: 1 beyond its rate, and lets requests through again a second later', async () => {
    let clock = NOW.getTime();
    const api = await startMockApi({ ratePerSecond: 3, now: () => new Date(clock) });
    try {
      const get = () =>
        fetch(`${api.baseUrl}/keys/${SAMPLE_HASHES.active}`, {
          headers: { Authorization: `Bearer ${MOCK_MANAGEMENT_KEY}` },
        });
      const first = await Promise.all([get(), get(), get(), get()]);
      expect(first.map((r) => r.status).sort()).toEqual([200, 200, 200, 429]);
      expect(first.find((r) => r.status === 429)?.headers.get('retry-after')).toBe('1');
      clock += 999;
      expect((await get()).status).toBe(429);
      clock += 1;
      expect((await get()).status).toBe(200);
    } finally {
      await api.close();
    }
  });

  it('makes up a key for any hash it does not hold, and serves its test pages without a key', async () => {
    const api = await startMockApi({ generatedKeys: true, pages: { '/page.html': '<p>hello</p>' } });
    try {
      const hash = 'c'.repeat(64);
      const reply = await fetch(`${api.baseUrl}/keys/${hash}`, {
        headers: { Authorization: `Bearer ${MOCK_MANAGEMENT_KEY}` },
      });
      expect(((await reply.json()) as { data: { name: string; hash: string } }).data).toMatchObject({
        name: 'Bulk key cccccccc',
        hash,
      });
      const page = await fetch(`${api.origin}/page.html`);
      expect(page.headers.get('content-type')).toContain('text/html');
      expect(await page.text()).toBe('<p>hello</p>');
    } finally {
      await api.close();
    }
  });
});
