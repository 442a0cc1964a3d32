import { errorBodySchema, keyResponseSchema } from '../api-key';
import type { LookupError } from './lookup-error';
import type { LookupResult } from './lookup-result';
import { parseRetryAfter } from './retry-after';

/** What the interpretation looks at before the body: a `Response` is one. */
export type ResponseHead = Pick<Response, 'status' | 'type' | 'headers'>;

/** The body as the transport read it; `too_large` when it gave up past its limit. */
export type ResponseBody = string | 'too_large';

/** What an answer means, and whether one more try could change it (5xx only). */
export interface Interpretation {
  result: LookupResult;
  retryable: boolean;
}

/** A redirect is never followed (the Authorization header must not reach another place), and
 * its body is not read. `opaqueredirect` is what a browser's `redirect: 'manual'` gives. */
export function isRedirect(head: ResponseHead): boolean {
  return head.type === 'opaqueredirect' || (head.status >= 300 && head.status < 400);
}

/** `GET /keys/{hash}`'s answer as a lookup result (spec/modelgates-keys.openapi.yaml). */
export function interpretKeyResponse(head: ResponseHead, body: ResponseBody, now: Date): Interpretation {
  const { status } = head;
  if (isRedirect(head)) return final({ kind: 'redirected', status });
  if (body === 'too_large') return final({ kind: 'bad_response', status, reason: 'too_large' });
  if (status >= 200 && status < 300) return { result: parseKey(body, status, now), retryable: false };
  const detail = errorDetail(body);
  switch (status) {
    case 401:
      return final({ kind: 'unauthorized', ...detail });
    case 404:
      return final({ kind: 'not_found', ...detail });
    case 429: {
      const retryAt = parseRetryAfter(head.headers.get('Retry-After'), now);
      return final({ kind: 'rate_limited', ...(retryAt ? { retryAt: retryAt.toISOString() } : {}), ...detail });
    }
  }
  if (status >= 500) return { result: failure({ kind: 'server_error', status, ...detail }), retryable: true };
  return final({ kind: 'http_error', status, ...detail });
}

function parseKey(body: string, status: number, now: Date): LookupResult {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return failure({ kind: 'bad_response', status, reason: 'not_json' });
  }
  const parsed = keyResponseSchema().safeParse(json);
  if (!parsed.success) return failure({ kind: 'bad_response', status, reason: 'shape' });
  return { ok: true, key: parsed.data.data, fetchedAt: now.toISOString() };
}

/** The API's own `error.message`, shown as detail text; an empty object when there is none. */
function errorDetail(body: string): { detail?: string } {
  try {
    const parsed = errorBodySchema().safeParse(JSON.parse(body));
    return parsed.success ? { detail: parsed.data.error.message } : {};
  } catch {
    return {};
  }
}

function final(error: LookupError): Interpretation {
  return { result: failure(error), retryable: false };
}

export function failure(error: LookupError): LookupResult {
  return { ok: false, error };
}
