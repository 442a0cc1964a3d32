import { errorBodySchema, keyResponseSchema } from '../../api-key';
import type { KeyHash } from '../../hash-input';
import { buildKeyUrl } from '../../key-url';
import type { LookupError } from '../../lookup-error';
import type { LookupResult } from '../../lookup-result';
import { readManagementKey } from '../store/management-key';
import { parseRetryAfter } from '../../retry-after';

/** Bodies above this are refused unread: no key record comes anywhere near it. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Which account's key, where the request goes and how long it may take: from the settings. */
export interface Target {
  accountId: string;
  baseUrl: string;
  timeoutSeconds: number;
}

export interface FetchKeyOptions {
  /** Given directly, or as a settings read still under way (it then overlaps the key's read). */
  target: Target | Promise<Target>;
  hash: KeyHash;
  /** Aborted when a newer lookup replaces this one. */
  signal?: AbortSignal;
  fetch?: typeof fetch;
  now?: () => Date;
  /** Waits before the single retry; injectable so tests need not sleep. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/**
 * `GET {base}/keys/{hash}`. The only function that reads a management key: the target account's
 * key goes into the Authorization header of a request to that account's origin and nowhere else.
 */
export async function fetchKey(options: FetchKeyOptions): Promise<LookupResult> {
  const target = await options.target;
  const managementKey = await readManagementKey(target.accountId);
  if (!managementKey) return failure({ kind: 'not_configured' });
  if (options.signal?.aborted) return failure({ kind: 'cancelled' });
  const url = buildKeyUrl(target.baseUrl, options.hash);
  return requestWithRetry(url, `Bearer ${managementKey}`, { ...options, ...target });
}

/** The options once the target is known. */
type Resolved = Omit<FetchKeyOptions, 'target'> & Target;

type Attempt = { result: LookupResult; retryable: boolean };

async function requestWithRetry(url: string, authorization: string, options: Resolved): Promise<LookupResult> {
  const now = options.now ?? (() => new Date());
  // One deadline for the whole lookup, retry included, so the popup never waits longer than
  // the timeout the user chose.
  const deadline = AbortSignal.timeout(options.timeoutSeconds * 1000);
  const signal = options.signal ? AbortSignal.any([options.signal, deadline]) : deadline;
  const first = await attempt(url, authorization, signal, options, now);
  if (!first.retryable || signal.aborted) return first.result;
  const random = options.random ?? Math.random;
  const sleep = options.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  // Jittered, so that many popups retrying after one blip do not arrive together.
  await sleep(250 + Math.floor(random() * 250));
  if (signal.aborted) return abortedResult(options);
  return (await attempt(url, authorization, signal, options, now)).result;
}

async function attempt(
  url: string,
  authorization: string,
  signal: AbortSignal,
  options: Resolved,
  now: () => Date,
): Promise<Attempt> {
  const fetchImpl = options.fetch ?? fetch;
  let response: Response;
  try {
    response = await fetchImpl(url, {
      method: 'GET',
      headers: { Authorization: authorization, Accept: 'application/json' },
      signal,
      // A redirect is never followed: the Authorization header must not reach another place.
      redirect: 'manual',
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
    });
  } catch {
    if (signal.aborted) return { result: abortedResult(options), retryable: false };
    return { result: failure({ kind: 'network', origin: new URL(url).origin }), retryable: true };
  }
  try {
    return await interpret(response, now);
  } catch {
    // Reading the body failed part-way: the connection dropped or the deadline passed.
    if (signal.aborted) return { result: abortedResult(options), retryable: false };
    return { result: failure({ kind: 'network', origin: new URL(url).origin }), retryable: true };
  }
}

async function interpret(response: Response, now: () => Date): Promise<Attempt> {
  const { status } = response;
  if (response.type === 'opaqueredirect' || (status >= 300 && status < 400)) {
    return { result: failure({ kind: 'redirected', status }), retryable: false };
  }
  const body = await readLimited(response);
  if (body === 'too_large') {
    return { result: failure({ kind: 'bad_response', status, reason: 'too_large' }), retryable: false };
  }
  if (status >= 200 && status < 300) return { result: parseKey(body, status, now), retryable: false };
  const detail = errorDetail(body);
  switch (status) {
    case 401:
      return { result: failure({ kind: 'unauthorized', ...detail }), retryable: false };
    case 404:
      return { result: failure({ kind: 'not_found', ...detail }), retryable: false };
    case 429: {
      const retryAt = parseRetryAfter(response.headers.get('Retry-After'), now());
      const error: LookupError = { kind: 'rate_limited', ...detail };
      if (retryAt) error.retryAt = retryAt.toISOString();
      return { result: failure(error), retryable: false };
    }
  }
  if (status >= 500) {
    return { result: failure({ kind: 'server_error', status, ...detail }), retryable: true };
  }
  return { result: failure({ kind: 'http_error', status, ...detail }), retryable: false };
}

function parseKey(body: string, status: number, now: () => Date): LookupResult {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return failure({ kind: 'bad_response', status, reason: 'not_json' });
  }
  const parsed = keyResponseSchema.safeParse(json);
  if (!parsed.success) return failure({ kind: 'bad_response', status, reason: 'shape' });
  return { ok: true, key: parsed.data.data, fetchedAt: now().toISOString() };
}

/** The API's own `error.message`, shown as detail text; an empty object when there is none. */
function errorDetail(body: string): { detail?: string } {
  try {
    const parsed = errorBodySchema.safeParse(JSON.parse(body));
    return parsed.success ? { detail: parsed.data.error.message } : {};
  } catch {
    return {};
  }
}

/** Reads the body as text, giving up past MAX_BODY_BYTES without buffering the rest. */
async function readLimited(response: Response): Promise<string | 'too_large'> {
  const declared = Number(response.headers.get('Content-Length'));
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) {
    await response.body?.cancel().catch(() => {});
    return 'too_large';
  }
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel().catch(() => {});
      return 'too_large';
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

/** An abort is either the caller's (a newer lookup) or the deadline's. */
function abortedResult(options: Resolved): LookupResult {
  if (options.signal?.aborted) return failure({ kind: 'cancelled' });
  return failure({ kind: 'timeout', seconds: options.timeoutSeconds });
}

function failure(error: LookupError): LookupResult {
  return { ok: false, error };
}
