// Every way a lookup can fail, as the popup says it; and input the popup must refuse without
// sending anything.
import { createServer } from 'node:net';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionPage } from '../driver/types.ts';
import { withChrome } from '../driver/extension-api.ts';
import { waitUntil } from '../driver/wait.ts';
import {
  ELSEWHERE_KEY_NAME,
  FAULT_HASHES,
  MOCK_MANAGEMENT_KEY,
  SAMPLE_HASHES,
  UNKNOWN_HASH,
} from '../../mock-api/samples.ts';
import { useExtension } from '../fixtures.ts';
import { configure, fieldState, lookUp, paste, readNotice, textOf, type NoticeText } from '../pages.ts';

const WRONG_KEY = 'sk-mg-mgmt-wrong-0000000000000000';
/** What a user might paste by mistake: a secret key whose tail is 64 hex characters. */
const SECRET_KEY = `sk-mg-v1-${'9f'.repeat(32)}`;
const TIMEOUT_SECONDS = 3;

// The slow fault only has to outlast the timeout.
const session = useExtension({ mock: { slowMs: (TIMEOUT_SECONDS + 2) * 1000 } });

async function lookUpError(page: ExtensionPage, text: string): Promise<NoticeText> {
  await lookUp(page, text);
  return readNotice(page);
}

/** A port on 127.0.0.1 that nothing listens on (it was free a moment ago). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('before any key is saved', () => {
  it('says "No management key saved" and sends nothing', async () => {
    const page = await session.ext.openPage('popup.html');
    expect(await lookUpError(page, SAMPLE_HASHES.active)).toMatchObject({
      title: 'No management key saved',
      detail: null,
      openOptions: true,
    });
    expect(session.api.requests).toEqual([]);
    await page.close();
  });

  it('"Open options" opens a working options page', async () => {
    const { ext } = session;
    // The popup closes itself once it has opened the options: another page of the extension
    // looks for the new tab among the extension's own pages.
    const observer = await ext.openPage('options.html');
    const page = await ext.openPage('popup.html');
    await lookUp(page, SAMPLE_HASHES.active);
    await page.click('button', 'Open options');
    const rendered = await waitUntil('the options page to show its form', () =>
      withChrome(observer, (chrome) => {
        const opened = chrome.extension
          .getViews()
          .find((view) => view !== window && view.location.pathname === '/options.html');
        if (!opened?.document.querySelector('#account-1-baseUrl')) return undefined;
        const title = opened.document.title;
        opened.close();
        return title;
      }),
    );
    expect(rendered).toBe('ModelGates Key Lookup: options');
    await observer.close();
  });
});

describe('with a wrong management key', () => {
  beforeAll(async () => {
    await configure(session.ext, { baseUrl: session.api.baseUrl, key: WRONG_KEY });
  });

  it('says "Management key rejected" with the API\'s words', async () => {
    const page = await session.ext.openPage('popup.html');
    expect(await lookUpError(page, SAMPLE_HASHES.active)).toEqual({
      title: 'Management key rejected',
      body: 'The API refused the saved management key (401). Check it or replace it in the options.',
      detail: 'The API said: Invalid management key',
      openOptions: true,
    });
    await page.close();
  });
});

describe(`with the mock API and a ${TIMEOUT_SECONDS} s timeout`, () => {
  let popup: ExtensionPage;

  beforeAll(async () => {
    const { api, ext } = session;
    await configure(ext, { baseUrl: api.baseUrl, key: MOCK_MANAGEMENT_KEY, timeoutSeconds: TIMEOUT_SECONDS });
    popup = await ext.openPage('popup.html');
  });

  const RATE_LIMIT = 'The API said: Rate limit exceeded';
  // prettier-ignore
  it.each([
    ['not found', UNKNOWN_HASH, 'No key with this hash', 'There is no API key with this hash in this account (404).', 'The API said: API key not found'],
    // Retry-After: 30, counted from the answer: a slow machine may already be a second closer.
    ['429, Retry-After in seconds', FAULT_HASHES.rateLimitedSeconds, 'Too many requests', /^Try again in (29|30) seconds\.$/, RATE_LIMIT],
    ['429, Retry-After as a date', FAULT_HASHES.rateLimitedDate, 'Too many requests', /^Try again in (1 minute|2 minutes)\.$/, RATE_LIMIT],
    ['429, no Retry-After', FAULT_HASHES.rateLimitedBare, 'Too many requests', 'Wait a moment before trying again.', RATE_LIMIT],
    ['500 with a JSON error', FAULT_HASHES.serverErrorJson, 'ModelGates server error', 'The API answered 500. Try again in a minute.', 'The API said: Internal error: upstream database timeout'],
    ['502 with an HTML page', FAULT_HASHES.badGatewayHtml, 'ModelGates server error', 'The API answered 502. Try again in a minute.', null],
    ['503 with an HTML page', FAULT_HASHES.unavailableHtml, 'ModelGates server error', 'The API answered 503. Try again in a minute.', null],
    ['403', FAULT_HASHES.forbidden, 'Unexpected answer from the API', 'The API answered 403.', 'The API said: This management key cannot read keys in this workspace'],
    ['truncated JSON', FAULT_HASHES.truncatedJson, 'Unreadable answer from the API', 'The answer (status 200) was not JSON.', null],
    ['JSON without data', FAULT_HASHES.wrongShape, 'Unreadable answer from the API', 'The answer (status 200) was not in the documented shape.', null],
    ['text/plain', FAULT_HASHES.notJson, 'Unreadable answer from the API', 'The answer (status 200) was not JSON.', null],
    ['a 1.5 MB body', FAULT_HASHES.hugeBody, 'Unreadable answer from the API', 'The answer (status 200) was larger than 1 MB and was not read.', null],
    ['a dropped connection', FAULT_HASHES.dropConnection, 'Could not reach the API', /^Could not connect to http:\/\/127\.0\.0\.1:\d+\. /, null],
    [`no answer within ${TIMEOUT_SECONDS} s`, FAULT_HASHES.slow, 'The API did not answer in time', `No answer within ${TIMEOUT_SECONDS} seconds.`, null],
  ])('%s: the popup says so', async (_case, hash, title, body, detail) => {
    const seen = await lookUpError(popup, hash);
    expect(seen.title).toBe(title);
    if (typeof body === 'string') expect(seen.body).toBe(body);
    else expect(seen.body).toMatch(body);
    expect(seen.detail).toBe(detail);
    // An HTML error page is never shown as markup.
    expect(`${seen.body} ${seen.detail ?? ''}`).not.toMatch(/<\/?[a-z]/i);
  });

  it('a redirect is not followed: the other origin never gets the Authorization header', async () => {
    const { api } = session;
    api.clearRequests();
    const seen = await lookUpError(popup, FAULT_HASHES.redirectElsewhere);
    expect(seen.title).toBe('The API redirected the request');
    expect(seen.openOptions).toBe(true);
    expect(await textOf(popup, 'body')).not.toContain(ELSEWHERE_KEY_NAME);
    const elsewhere = api.requests.filter((r) => r.target === 'elsewhere');
    expect(elsewhere.filter((r) => 'authorization' in r.headers)).toEqual([]);
  });

  it('a redirect is explained without a made-up status code', async () => {
    const seen = await lookUpError(popup, FAULT_HASHES.redirectElsewhere);
    // A manual redirect reaches the extension as an opaque answer with status 0: no status
    // a person could look up.
    expect(seen.body).not.toMatch(/\banswered 0\b/);
    expect(seen.body).toContain('It was not followed, so the management key was not sent elsewhere.');
  });

  describe('input that is never sent', () => {
    /** Looks up UNKNOWN_HASH last, so that anything the refused input sent would arrive first. */
    async function requestsAfterRefusal(): Promise<string[]> {
      await lookUp(popup, UNKNOWN_HASH);
      return session.api.requests.map((r) => `${r.method} ${r.url} ${JSON.stringify(r.headers)}`);
    }

    it.each([
      ['typed', lookUp],
      ['pasted', paste],
    ] as const)('a %s secret key is refused, not left in the field, and not sent', async (_how, enter) => {
      session.api.clearRequests();
      await enter(popup, SECRET_KEY);
      expect(await textOf(popup, '[role="alert"]')).toContain('API key, not its hash');
      expect((await fieldState(popup, 'hash')).value).toBe('');
      const sent = await requestsAfterRefusal();
      expect(sent.filter((line) => !line.includes(UNKNOWN_HASH))).toEqual([]);
      expect(sent.filter((line) => line.includes('9f9f9f'))).toEqual([]);
    });

    it.each([
      ['63 hex characters', 'a'.repeat(63)],
      ['65 hex characters', 'b'.repeat(65)],
      ['a word', 'production'],
    ])('a malformed hash (%s) is refused and nothing is sent', async (_case, text) => {
      session.api.clearRequests();
      await lookUp(popup, text);
      const alert = await textOf(popup, '[role="alert"]');
      // The words vary with what was typed ("… is exactly 64."); the rule they state does not.
      expect(alert).toMatch(/hexadecimal characters/);
      expect(alert).toMatch(/\b64\b/);
      expect((await requestsAfterRefusal()).filter((line) => !line.includes(UNKNOWN_HASH))).toEqual([]);
    });
  });
});

describe('with a base URL nothing listens on', () => {
  let origin: string;

  beforeAll(async () => {
    origin = `http://127.0.0.1:${await closedPort()}`;
    await configure(session.ext, { baseUrl: `${origin}/api/v1`, key: MOCK_MANAGEMENT_KEY });
  });

  it('says "Could not reach the API" and names the origin', async () => {
    const page = await session.ext.openPage('popup.html');
    const seen = await lookUpError(page, SAMPLE_HASHES.active);
    expect(seen.title).toBe('Could not reach the API');
    expect(seen.body).toContain(`Could not connect to ${origin}.`);
    expect(seen.openOptions).toBe(true);
    await page.close();
  });
});
