// A local ModelGates API (spec/modelgates-keys.openapi.yaml) for e2e tests, the demo and
// benchmarks. node:http only, erasable TypeScript only: it runs under plain `node` as well.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { RateWindow } from './rate-window.ts';
import {
  ELSEWHERE_KEY_NAME,
  FAULT_HASHES,
  MOCK_MANAGEMENT_KEY,
  SAMPLE_HASHES,
  sampleKeyData,
  type FaultName,
  type SampleName,
} from './samples.ts';

export interface RecordedRequest {
  target: 'api' | 'elsewhere';
  method: string;
  /** Path and query, as the request line had it. */
  url: string;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** The request body as text, filled in as it arrives (a lookup sends none). */
  body: string;
  /** Wall-clock receipt time (Date.now()), before any configured delay. */
  at: number;
}

export interface MockApi {
  /** The one management key this account accepts. */
  readonly managementKey: string;
  /** The sample and fault hashes this account answers; any other hash is 404. Read per request. */
  readonly holds: Set<string>;
  /** e.g. http://127.0.0.1:PORT/api/v1 */
  readonly baseUrl: string;
  /** http://127.0.0.1:PORT */
  readonly origin: string;
  /** Where `redirectElsewhere` points: a second listener on another port. */
  readonly elsewhereOrigin: string;
  /** Every request to either listener, preflights included, oldest first. */
  readonly requests: RecordedRequest[];
  /** How long the `slow` hash waits before answering; read per request. */
  slowMs: number;
  /** Extra delay before every answer of the API listener (preflights too); read per request. */
  latencyMs: number;
  /**
   * Whether the API listener lets other origins read its answers (the default). Off, it answers
   * as a server that does not: no Access-Control-* headers, so a browser lets only an extension
   * with a host grant for it read the answer. Read per request.
   */
  cors: boolean;
  /** Answers allowed a second before 429s; undefined: no limit. Counted from when it is set. */
  ratePerSecond: number | undefined;
  /** Any well-formed hash it does not hold answers a made-up active key; read per request. */
  generatedKeys: boolean;
  /**
   * Fields that replace a sample's own in its answers, by hash; read per request. A test's way to
   * move a key over time, e.g. `overrides.set(hash, { limit_remaining: 15 })`: 85 % of a 100 limit.
   */
  readonly overrides: Map<string, Record<string, unknown>>;
  /**
   * Holds every answer of the API listener (preflights too) until the function it returns is
   * called: a test's way to keep requests in flight for as long as it needs, without a clock.
   */
  holdAnswers(): () => void;
  clearRequests(): void;
  close(): Promise<void>;
}

export interface MockApiOptions {
  /** The key it accepts; default MOCK_MANAGEMENT_KEY. Each account of a several-account mock has its own. */
  managementKey?: string;
  /** The hashes it answers (samples and faults); default every one of them, as one full account. */
  holds?: Iterable<string>;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 15000. */
  slowMs?: number;
  /** Default 0. */
  latencyMs?: number;
  /** Default true. */
  cors?: boolean;
  /** Clock for sample times, the Retry-After date and the rate limit's window; default the real clock. */
  now?: () => Date;
  /** At most this many answers a second, then 429 with "Retry-After: 1"; default no limit. */
  ratePerSecond?: number;
  /** Any well-formed hash it does not hold answers an active key named "Bulk key <first 8>":
   * thousands of distinct keys for bulk runs. Default off. */
  generatedKeys?: boolean;
  /** Web pages served at these paths of the API origin, without a key: "Find key hashes on this page". */
  pages?: Record<string, string>;
}

/** Size of the `hugeBody` answer: 1.5 MiB of valid JSON, sent with Content-Length. */
export const HUGE_BODY_BYTES = 1.5 * 1024 * 1024;

const KEY_PATH = /^\/api\/v1\/keys\/([^/]+)$/;
/** The test-only control endpoint: `PUT` (JSON fields) or `DELETE` on /__mock/keys/<hash>. */
const CONTROL_PATH = /^\/__mock\/keys\/([0-9a-f]{64})$/;
const HASH_FORMAT = /^[0-9a-f]{64}$/;

const sampleByHash = new Map<string, SampleName>(
  (Object.keys(SAMPLE_HASHES) as SampleName[]).map((name) => [SAMPLE_HASHES[name], name]),
);
const faultByHash = new Map<string, FaultName>(
  (Object.keys(FAULT_HASHES) as FaultName[]).map((name) => [FAULT_HASHES[name], name]),
);

const BAD_GATEWAY_HTML =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n' +
  '<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';
const UNAVAILABLE_HTML =
  '<!DOCTYPE html>\n<html><head><title>503 Service Unavailable</title></head><body>' +
  '<h1>Service Unavailable</h1><p>The server is temporarily unable to service your request ' +
  'due to maintenance downtime or capacity problems. Please try again later.</p></body></html>\n';

function errorBody(code: number, message: string): string {
  return JSON.stringify({ error: { code, message } });
}

function send(
  res: ServerResponse,
  status: number,
  contentType: string,
  body: string,
  headers: Record<string, string> = {},
): void {
  const bytes = Buffer.from(body, 'utf8');
  res.writeHead(status, {
    'Content-Type': contentType,
    'Content-Length': String(bytes.length),
    ...headers,
  });
  res.end(bytes);
}

function sendJson(res: ServerResponse, status: number, body: string, headers?: Record<string, string>): void {
  send(res, status, 'application/json', body, headers);
}

function flattenHeaders(req: IncomingMessage): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

function isAuthorized(header: string | undefined, managementKey: string): boolean {
  // The auth scheme name is case-insensitive (RFC 9110 §11.1); the token is not.
  const match = /^bearer +(\S+)$/i.exec(header ?? '');
  return match?.[1] === managementKey;
}

/** Every hash the mock can answer: what one account holds unless told otherwise. */
export const ALL_HASHES: readonly string[] = [...Object.values(SAMPLE_HASHES), ...Object.values(FAULT_HASHES)];

/** The hash segment of GET /api/v1/keys/:hash, or undefined when the route does not match. */
function keyHashOf(req: IncomingMessage): string | undefined {
  if (req.method !== 'GET') return undefined;
  const { pathname } = new URL(req.url ?? '/', 'http://mock.invalid');
  const segment = KEY_PATH.exec(pathname)?.[1];
  if (segment === undefined) return undefined;
  try {
    return decodeURIComponent(segment);
  } catch {
    // A broken escape is still a key path, just not a hash any key has.
    return segment;
  }
}

function setCors(req: IncomingMessage, res: ServerResponse): void {
  const origin = req.headers.origin;
  res.setHeader('Access-Control-Allow-Origin', origin ?? '*');
  if (origin !== undefined) res.setHeader('Vary', 'Origin');
  // Without this, a cross-origin fetch cannot read Retry-After and the UI cannot say when to retry.
  res.setHeader('Access-Control-Expose-Headers', 'Retry-After');
}

function answerPreflight(res: ServerResponse): void {
  res.writeHead(204, {
    'Access-Control-Allow-Methods': 'GET',
    'Access-Control-Allow-Headers': 'authorization, accept',
    'Access-Control-Max-Age': '600',
  });
  res.end();
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      if (address === null || typeof address === 'string') {
        reject(new Error(`unexpected listen address: ${String(address)}`));
      } else {
        resolve(address.port);
      }
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    if (!server.listening) {
      resolve();
      return;
    }
    server.close((error) => (error ? reject(error) : resolve()));
    // Keep-alive sockets (fetch keeps them) and parked slow answers would hold close() open.
    server.closeAllConnections();
  });
}

function checkDelay(name: string, ms: number): number {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError(`${name} must be a finite number >= 0, got ${ms}`);
  return ms;
}

export async function startMockApi(options: MockApiOptions = {}): Promise<MockApi> {
  const host = options.host ?? '127.0.0.1';
  const managementKey = options.managementKey ?? MOCK_MANAGEMENT_KEY;
  const holds = new Set(options.holds ?? ALL_HASHES);
  const now = options.now ?? (() => new Date());
  let slowMs = checkDelay('slowMs', options.slowMs ?? 15_000);
  let latencyMs = checkDelay('latencyMs', options.latencyMs ?? 0);
  let cors = options.cors ?? true;
  const requests: RecordedRequest[] = [];
  const overrides = new Map<string, Record<string, unknown>>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let elsewhereOrigin = '';
  let rate = options.ratePerSecond === undefined ? undefined : new RateWindow(options.ratePerSecond);
  let generatedKeys = options.generatedKeys ?? false;
  const pages = new Map(Object.entries(options.pages ?? {}));
  /** Set while answers are held: resolved when they are let go. */
  let held: Promise<void> | undefined;

  /** Records the request, its body as it arrives, and reads the body to its end. */
  const record = (target: RecordedRequest['target'], req: IncomingMessage): void => {
    const entry: RecordedRequest = {
      target,
      method: req.method ?? '',
      url: req.url ?? '',
      headers: flattenHeaders(req),
      body: '',
      at: Date.now(),
    };
    requests.push(entry);
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      entry.body += chunk;
    });
  };

  /** Runs `answer` after `ms`, unless the client has gone or the server closed meanwhile. */
  const after = (ms: number, res: ServerResponse, answer: () => void): void => {
    if (ms <= 0) {
      answer();
      return;
    }
    const timer = setTimeout(() => {
      timers.delete(timer);
      if (!res.destroyed) answer();
    }, ms);
    timers.add(timer);
    res.once('close', () => {
      clearTimeout(timer);
      timers.delete(timer);
    });
  };

  const activeBodyFor = (hash: string): Record<string, unknown> => ({
    ...sampleKeyData('active', now()),
    hash,
  });

  const faults: Record<FaultName, (req: IncomingMessage, res: ServerResponse) => void> = {
    rateLimitedSeconds: (_req, res) =>
      sendJson(res, 429, errorBody(429, 'Rate limit exceeded'), { 'Retry-After': '30' }),
    rateLimitedDate: (_req, res) =>
      sendJson(res, 429, errorBody(429, 'Rate limit exceeded'), {
        'Retry-After': new Date(now().getTime() + 2 * 60_000).toUTCString(),
      }),
    rateLimitedBare: (_req, res) => sendJson(res, 429, errorBody(429, 'Rate limit exceeded')),
    serverErrorJson: (_req, res) => sendJson(res, 500, errorBody(500, 'Internal error: upstream database timeout')),
    badGatewayHtml: (_req, res) => send(res, 502, 'text/html', BAD_GATEWAY_HTML),
    unavailableHtml: (_req, res) => send(res, 503, 'text/html; charset=utf-8', UNAVAILABLE_HTML),
    forbidden: (_req, res) =>
      sendJson(res, 403, errorBody(403, 'This management key cannot read keys in this workspace')),
    truncatedJson: (_req, res) => {
      const whole = JSON.stringify({ data: activeBodyFor(FAULT_HASHES.truncatedJson) });
      sendJson(res, 200, whole.slice(0, Math.floor(whole.length / 2)));
    },
    wrongShape: (_req, res) => sendJson(res, 200, JSON.stringify({ key: activeBodyFor(FAULT_HASHES.wrongShape) })),
    notJson: (_req, res) => send(res, 200, 'text/plain; charset=utf-8', 'OK: this proxy does not speak JSON\n'),
    hugeBody: (_req, res) => {
      const data = activeBodyFor(FAULT_HASHES.hugeBody);
      // An extra top-level member is allowed by the spec, so the body is valid in all but size.
      const skeleton = Buffer.byteLength(JSON.stringify({ data, padding: '' }));
      sendJson(res, 200, JSON.stringify({ data, padding: 'x'.repeat(HUGE_BODY_BYTES - skeleton) }));
    },
    redirectElsewhere: (_req, res) => {
      res.writeHead(302, {
        Location: `${elsewhereOrigin}/api/v1/keys/${FAULT_HASHES.redirectElsewhere}`,
        'Content-Length': '0',
      });
      res.end();
    },
    slow: (_req, res) =>
      after(slowMs, res, () => sendJson(res, 200, JSON.stringify({ data: activeBodyFor(FAULT_HASHES.slow) }))),
    dropConnection: (req) => {
      req.socket.destroy();
    },
  };

  const answerApi = (req: IncomingMessage, res: ServerResponse): void => {
    const page = pages.get(new URL(req.url ?? '/', 'http://mock.invalid').pathname);
    if (page !== undefined) {
      send(res, 200, 'text/html; charset=utf-8', page);
      return;
    }
    if (rate !== undefined && !rate.allow(now().getTime())) {
      sendJson(res, 429, errorBody(429, 'Rate limit exceeded'), { 'Retry-After': '1' });
      return;
    }
    // Auth comes first, as on the real API: without the key even a fault hash says 401.
    if (!isAuthorized(req.headers.authorization, managementKey)) {
      sendJson(res, 401, errorBody(401, 'Invalid management key'));
      return;
    }
    const hash = keyHashOf(req);
    if (hash === undefined) {
      sendJson(res, 404, errorBody(404, 'Not found'));
      return;
    }
    if (generatedKeys && !holds.has(hash) && HASH_FORMAT.test(hash)) {
      sendJson(res, 200, JSON.stringify({ data: { ...activeBodyFor(hash), name: `Bulk key ${hash.slice(0, 8)}` } }));
      return;
    }
    if (!holds.has(hash)) {
      sendJson(res, 404, errorBody(404, 'API key not found'));
      return;
    }
    const fault = faultByHash.get(hash);
    if (fault !== undefined) {
      faults[fault](req, res);
      return;
    }
    const sample = HASH_FORMAT.test(hash) ? sampleByHash.get(hash) : undefined;
    if (sample === undefined) {
      sendJson(res, 404, errorBody(404, 'API key not found'));
      return;
    }
    sendJson(res, 200, JSON.stringify({ data: { ...sampleKeyData(sample, now()), ...overrides.get(hash) } }));
  };

  /**
   * A test's way, over HTTP as any client would, to move a sample key between two checks:
   * `PUT /__mock/keys/<hash>` with a JSON object sets the fields that replace the sample's own (as
   * `overrides.set` does), `DELETE` clears them. Only with the management key, never recorded
   * among the API's requests (it is not one), and answered 204.
   */
  const answerControl = (req: IncomingMessage, res: ServerResponse, hash: string): void => {
    if (!isAuthorized(req.headers.authorization, managementKey)) {
      sendJson(res, 401, errorBody(401, 'Invalid management key'));
      return;
    }
    if (req.method === 'DELETE') {
      overrides.delete(hash);
      res.writeHead(204).end();
      return;
    }
    if (req.method !== 'PUT') {
      sendJson(res, 405, errorBody(405, 'PUT or DELETE'));
      return;
    }
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      let fields: unknown;
      try {
        fields = JSON.parse(body);
      } catch {
        fields = undefined;
      }
      if (fields === null || typeof fields !== 'object' || Array.isArray(fields)) {
        sendJson(res, 400, errorBody(400, 'Send a JSON object of key fields'));
        return;
      }
      overrides.set(hash, fields as Record<string, unknown>);
      res.writeHead(204).end();
    });
  };

  const respondApi = (req: IncomingMessage, res: ServerResponse): void => {
    if (!cors) {
      after(latencyMs, res, () => (req.method === 'OPTIONS' ? send(res, 405, 'text/plain', '') : answerApi(req, res)));
      return;
    }
    setCors(req, res);
    after(latencyMs, res, () => (req.method === 'OPTIONS' ? answerPreflight(res) : answerApi(req, res)));
  };

  const apiServer = createServer((req, res) => {
    const control = CONTROL_PATH.exec(new URL(req.url ?? '/', 'http://mock.invalid').pathname)?.[1];
    if (control !== undefined) {
      answerControl(req, res, control);
      return;
    }
    record('api', req);
    if (held) void held.then(() => !res.destroyed && respondApi(req, res));
    else respondApi(req, res);
  });

  // Another origin that answers anything with a valid key, so that a client which follows the
  // redirect visibly shows ELSEWHERE_KEY_NAME, and `requests` shows what it forwarded.
  const elsewhereServer = createServer((req, res) => {
    record('elsewhere', req);
    setCors(req, res);
    if (req.method === 'OPTIONS') {
      answerPreflight(res);
      return;
    }
    const data = { ...activeBodyFor(FAULT_HASHES.redirectElsewhere), name: ELSEWHERE_KEY_NAME };
    sendJson(res, 200, JSON.stringify({ data }));
  });

  const hostInUrl = host.includes(':') ? `[${host}]` : host;
  const apiPort = await listen(apiServer, options.port ?? 0, host);
  let elsewherePort: number;
  try {
    elsewherePort = await listen(elsewhereServer, 0, host);
  } catch (error) {
    await closeServer(apiServer);
    throw error;
  }
  const origin = `http://${hostInUrl}:${apiPort}`;
  elsewhereOrigin = `http://${hostInUrl}:${elsewherePort}`;

  let closing: Promise<void> | undefined;
  return {
    managementKey,
    holds,
    baseUrl: `${origin}/api/v1`,
    origin,
    elsewhereOrigin,
    requests,
    overrides,
    get slowMs() {
      return slowMs;
    },
    set slowMs(ms: number) {
      slowMs = checkDelay('slowMs', ms);
    },
    get ratePerSecond() {
      return rate?.perSecond;
    },
    set ratePerSecond(perSecond: number | undefined) {
      rate = perSecond === undefined ? undefined : new RateWindow(perSecond);
    },
    get generatedKeys() {
      return generatedKeys;
    },
    set generatedKeys(on: boolean) {
      generatedKeys = on;
    },
    get latencyMs() {
      return latencyMs;
    },
    set latencyMs(ms: number) {
      latencyMs = checkDelay('latencyMs', ms);
    },
    get cors() {
      return cors;
    },
    set cors(allowed: boolean) {
      cors = allowed;
    },
    holdAnswers() {
      let release = () => {};
      const holding = new Promise<void>((resolve) => (release = resolve));
      held = holding;
      return () => {
        if (held === holding) held = undefined;
        release();
      };
    },
    clearRequests() {
      // In place, so that a test holding `api.requests` sees the same array.
      requests.length = 0;
    },
    close() {
      closing ??= (async () => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        await Promise.all([closeServer(apiServer), closeServer(elsewhereServer)]);
      })();
      return closing;
    },
  };
}
