import type { KeyHash } from '../../../hash-input';
import { buildKeyUrl } from '../../key-url';
import { keyResponseSchema } from '../../../api-key';
import { failure, type Interpretation, interpretKeyResponse, isRedirect } from '../../key-response';
import type { LookupResult } from '../../lookup-result';
import { readLimited } from './read-limited';

/** One lookup at one API with one management key. Called only from this folder: it is handed
 * the key by fetch-key.ts, the one module that reads it. */
export interface KeyRequest {
  baseUrl: string;
  hash: KeyHash;
  managementKey: string;
  timeoutSeconds: number;
  /** Aborted when a newer lookup replaces this one. */
  signal?: AbortSignal;
}

/** Injectable so that tests need neither a network, a clock nor a sleep. */
export interface Transport {
  fetch?: typeof fetch;
  now?: () => Date;
  /** Waits before the single retry. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/**
 * `GET {base}/keys/{hash}` with the key in the Authorization header only, within one deadline for
 * the whole lookup, retry included, so the popup never waits longer than the timeout the user
 * chose. A network failure or a 5xx is tried once more.
 */
export async function requestKey(request: KeyRequest, transport: Transport = {}): Promise<LookupResult> {
  const deadline = AbortSignal.timeout(request.timeoutSeconds * 1000);
  const signal = request.signal ? AbortSignal.any([request.signal, deadline]) : deadline;
  const url = buildKeyUrl(request.baseUrl, request.hash);
  const send = () => attempt(url, request, signal, transport);
  const first = await send();
  if (!first.retryable || signal.aborted) return first.result;
  const random = transport.random ?? Math.random;
  const sleep = transport.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  // Jittered, so that many popups retrying after one blip do not arrive together.
  await sleep(250 + Math.floor(random() * 250));
  if (signal.aborted) return abortedResult(request);
  return (await send()).result;
}

async function attempt(
  url: string,
  request: KeyRequest,
  signal: AbortSignal,
  transport: Transport,
): Promise<Interpretation> {
  const lost = (): Interpretation =>
    signal.aborted
      ? { result: abortedResult(request), retryable: false }
      : { result: failure({ kind: 'network', origin: new URL(url).origin }), retryable: true };
  let response: Response;
  try {
    const answer = (transport.fetch ?? fetch)(url, {
      method: 'GET',
      headers: { Authorization: `Bearer ${request.managementKey}`, Accept: 'application/json' },
      signal,
      // A redirect is never followed: the Authorization header must not reach another place.
      redirect: 'manual',
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
    });
    // The worker has nothing else to do until the API answers. In a task of its own: readied in
    // this one, right after fetch(), a cold lookup's answer was handed over about 0.3 ms later
    // (README, Performance).
    setTimeout(prepareKeyParsing, 0);
    response = await answer;
  } catch {
    return lost();
  }
  try {
    const body = isRedirect(response) ? '' : await readLimited(response);
    return interpretKeyResponse(response, body, (transport.now ?? (() => new Date()))());
  } catch {
    // Reading the body failed part-way: the connection dropped or the deadline passed.
    return lost();
  }
}

/** An abort is either the caller's (a newer lookup) or the deadline's. */
function abortedResult(request: KeyRequest): LookupResult {
  if (request.signal?.aborted) return failure({ kind: 'cancelled' });
  return failure({ kind: 'timeout', seconds: request.timeoutSeconds });
}

let parserReady = false;

/**
 * Readies the key's parser before the first answer needs it: zod builds a schema's parts on its
 * first use, and the worker compiles their code on their first run. A worker woken by a lookup does
 * this once its request is out, while the API answers, instead of after the answer has come
 * (about 1 to 2 ms of a cold start, in a Chromium CPU profile of 20 starts). Later calls do
 * nothing.
 */
function prepareKeyParsing(): void {
  if (parserReady) return;
  parserReady = true;
  // An empty key: every field's schema runs once (the hash's fails, as it should), nothing is kept.
  keyResponseSchema().safeParse({ data: {} });
}
