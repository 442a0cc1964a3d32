import { describe, expect, it } from 'vitest';
import { describeLookupError, type ErrorMessage } from './error-message';
import type { LookupError } from './lookup-error';

const NOW = new Date('2026-11-26T14:05:00Z');
const inMs = (ms: number) => new Date(NOW.getTime() + ms).toISOString();

describe('describeLookupError', () => {
  it.each<[LookupError, ErrorMessage]>([
    [
      { kind: 'not_configured' },
      {
        title: 'No management key saved',
        body: 'Add your ModelGates management key in the options to look up keys.',
        action: 'open_options',
      },
    ],
    [
      { kind: 'unauthorized' },
      {
        title: 'Management key rejected',
        body: 'The API refused the saved management key (401). Check it or replace it in the options.',
        action: 'open_options',
      },
    ],
    [
      { kind: 'unauthorized', detail: 'Invalid credentials' },
      {
        title: 'Management key rejected',
        body: 'The API refused the saved management key (401). Check it or replace it in the options.',
        detail: 'Invalid credentials',
        action: 'open_options',
      },
    ],
    [
      { kind: 'not_found', detail: 'Key not found' },
      {
        title: 'No key with this hash',
        body: 'There is no API key with this hash in this account (404).',
        detail: 'Key not found',
      },
    ],
    [
      { kind: 'rate_limited', detail: 'Slow down' },
      { title: 'Too many requests', body: 'Wait a moment before trying again.', detail: 'Slow down' },
    ],
    [
      { kind: 'server_error', status: 503 },
      { title: 'ModelGates server error', body: 'The API answered 503. Try again in a minute.' },
    ],
    [
      { kind: 'server_error', status: 500, detail: 'Internal error' },
      {
        title: 'ModelGates server error',
        body: 'The API answered 500. Try again in a minute.',
        detail: 'Internal error',
      },
    ],
    [
      { kind: 'http_error', status: 403, detail: 'Forbidden' },
      { title: 'Unexpected answer from the API', body: 'The API answered 403.', detail: 'Forbidden' },
    ],
    [
      { kind: 'timeout', seconds: 10 },
      { title: 'The API did not answer in time', body: 'No answer within 10 seconds.' },
    ],
    [
      { kind: 'timeout', seconds: 1 },
      { title: 'The API did not answer in time', body: 'No answer within 1 second.' },
    ],
    [
      { kind: 'network', origin: 'https://modelgates.ai' },
      {
        title: 'Could not reach the API',
        body: 'Could not connect to https://modelgates.ai. Check your internet connection and the API base URL in the options.',
        action: 'open_options',
      },
    ],
    [
      { kind: 'network', origin: 'https://modelgates.ai', withoutGrant: true },
      {
        title: 'Could not reach the API',
        body: 'Could not connect to https://modelgates.ai. The extension has no access grant for it, so the request went out as a cross-origin request, which the server may refuse. Grant access in the options.',
        action: 'open_options',
      },
    ],
    [
      { kind: 'redirected', status: 302 },
      {
        title: 'The API redirected the request',
        body: 'The API answered with a redirect (302). It was not followed, so the management key was not sent elsewhere. Check the API base URL in the options.',
        action: 'open_options',
      },
    ],
    [
      { kind: 'redirected', status: 0 },
      {
        title: 'The API redirected the request',
        body: 'The API answered with a redirect. It was not followed, so the management key was not sent elsewhere. Check the API base URL in the options.',
        action: 'open_options',
      },
    ],
    [
      { kind: 'bad_response', status: 200, reason: 'not_json' },
      { title: 'Unreadable answer from the API', body: 'The answer (status 200) was not JSON.' },
    ],
    [
      { kind: 'bad_response', status: 200, reason: 'shape' },
      { title: 'Unreadable answer from the API', body: 'The answer (status 200) was not in the documented shape.' },
    ],
    [
      { kind: 'bad_response', status: 404, reason: 'too_large' },
      {
        title: 'Unreadable answer from the API',
        body: 'The answer (status 404) was larger than 1 MB and was not read.',
      },
    ],
    [
      { kind: 'invalid_request', message: 'That is not a key hash.' },
      { title: 'Request refused', body: 'That is not a key hash.' },
    ],
    [{ kind: 'cancelled' }, { title: 'Lookup replaced', body: 'A newer lookup took the place of this one.' }],
    [
      { kind: 'interrupted' },
      {
        title: 'The lookup was interrupted',
        body: 'The extension stopped in the background before the answer came. Try again.',
      },
    ],
  ])('describes %j', (error, expected) => {
    expect(describeLookupError(error, NOW)).toEqual(expected);
  });

  it.each<[string | undefined, string]>([
    [undefined, 'Wait a moment before trying again.'],
    ['soon', 'Wait a moment before trying again.'],
    [inMs(-5000), 'You can try again now.'],
    [inMs(0), 'You can try again now.'],
    [inMs(1), 'Try again in 1 second.'],
    [inMs(30_000), 'Try again in 30 seconds.'],
    [inMs(59_000), 'Try again in 59 seconds.'],
    [inMs(59_001), 'Try again in 1 minute.'],
    [inMs(60_000), 'Try again in 1 minute.'],
    [inMs(90_000), 'Try again in 2 minutes.'],
    [inMs(59 * 60_000), 'Try again in 59 minutes.'],
    [inMs(59 * 60_000 + 1), 'Try again at 15:05 UTC.'],
    ['2026-11-26T18:30:00Z', 'Try again at 18:30 UTC.'],
    // Shown rounded up to the minute, so the time shown is never too early.
    ['2026-11-26T18:30:01Z', 'Try again at 18:31 UTC.'],
    ['2026-11-27T02:00:00+02:00', 'Try again at 00:00 UTC.'],
  ])('tells when to retry for retryAt %s', (retryAt, body) => {
    const error: LookupError = retryAt === undefined ? { kind: 'rate_limited' } : { kind: 'rate_limited', retryAt };
    expect(describeLookupError(error, NOW).body).toBe(body);
  });

  it('still gives a sentence for a kind this build does not know', () => {
    const future = { kind: 'quota_exceeded' } as unknown as LookupError;
    expect(describeLookupError(future, NOW)).toEqual({
      title: 'Lookup failed',
      body: 'The lookup failed (quota_exceeded).',
    });
  });
});
