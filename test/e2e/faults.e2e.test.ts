// Lookups under trouble: the worker stopped mid-request, lookups that overtake each other,
// answers that are retried (or must not be), and the timeout the user chose.
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAULT_HASHES, MOCK_MANAGEMENT_KEY, SAMPLE_HASHES, UNKNOWN_HASH } from '../mock-api/samples.ts';
import { startMockApi, type MockApi, type RecordedRequest } from '../mock-api/server.ts';
import {
  configure,
  descriptionOf,
  launchExtension,
  lookUp,
  OUTCOME_SELECTOR,
  readStorage,
  saveOptions,
  textOf,
  waitUntil,
  type ExtensionHarness,
} from './harness.ts';

/** Long enough that neither the timeout nor the slow answer can end a lookup during a test. */
const LONG_TIMEOUT_SECONDS = 20;

let api: MockApi;
let h: ExtensionHarness;

beforeAll(async () => {
  api = await startMockApi({ slowMs: 30_000 });
  h = await launchExtension();
  await configure(h, { baseUrl: api.baseUrl, key: MOCK_MANAGEMENT_KEY, timeoutSeconds: LONG_TIMEOUT_SECONDS });
});

afterAll(async () => {
  await h?.close();
  await api?.close();
});

function getsFor(hash: string): RecordedRequest[] {
  return api.requests.filter((r) => r.target === 'api' && r.method === 'GET' && r.url.endsWith(`/keys/${hash}`));
}

async function waitForGet(hash: string): Promise<RecordedRequest> {
  return waitUntil(`the mock to receive GET …/keys/${hash.slice(0, 8)}…`, async () => getsFor(hash)[0]);
}

/** Types a hash and presses Enter without waiting for anything. */
async function submit(page: Page, hash: string): Promise<void> {
  const input = page.getByLabel('Key hash', { exact: true });
  await input.fill(hash);
  await input.press('Enter');
}

const loading = (page: Page) => page.getByRole('status').filter({ hasText: 'Looking up key…' });

/**
 * Stops the extension's service worker as Chromium does when it idles, through the DevTools
 * protocol of one of the extension's pages (same storage partition), and waits until it is stopped.
 */
async function stopServiceWorker(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const statuses: string[] = [];
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const version of versions) {
      if (version.scriptURL.startsWith(`chrome-extension://${h.extensionId}/`)) statuses.push(version.runningStatus);
    }
  });
  try {
    await cdp.send('ServiceWorker.enable');
    await waitUntil('the worker to be reported running', async () => (statuses.includes('running') ? true : undefined));
    const before = statuses.length;
    await cdp.send('ServiceWorker.stopAllWorkers');
    // It may be started again right after (a pending message wakes it): stopped once is enough.
    await waitUntil('the worker to be reported stopped', async () =>
      statuses.slice(before).includes('stopped') ? true : undefined,
    );
  } finally {
    await cdp.detach();
  }
}

describe('the service worker stops while a lookup is in flight', () => {
  it('the popup says so instead of spinning, and the next lookup works', async () => {
    const popup = await h.openPage('popup.html');
    await submit(popup, FAULT_HASHES.slow);
    await loading(popup).waitFor();
    await waitForGet(FAULT_HASHES.slow);

    await stopServiceWorker(popup);
    // The API would answer in 30 s and the timeout is 20 s: only noticing the stopped worker can
    // end the spinner within this bound.
    const outcome = popup.locator(OUTCOME_SELECTOR).first();
    await outcome.waitFor({ timeout: 10_000 });
    expect(await loading(popup).count()).toBe(0);
    const heading = await textOf(outcome.getByRole('heading').first());
    expect(['The lookup was interrupted', 'Production backend']).toContain(heading);

    // The next message wakes a new worker, which answers.
    api.clearRequests();
    const card = await lookUp(popup, SAMPLE_HASHES.noLimit);
    expect(await textOf(card.getByRole('heading', { level: 2 }))).toBe('Data team notebooks');
    expect(getsFor(SAMPLE_HASHES.noLimit)).toHaveLength(1);
    await popup.close();
  });
});

describe('lookups in quick succession', () => {
  it('only the newest is shown, and the slow one in flight is aborted', async () => {
    // Short enough to wait out below, so that a slow answer that was not aborted would show.
    api.slowMs = 2_000;
    api.clearRequests();
    const failed: string[] = [];
    const onFailed = (request: { url(): string; failure(): { errorText: string } | null }) =>
      failed.push(`${request.url()} ${request.failure()?.errorText ?? ''}`);
    h.context.on('requestfailed', onFailed);
    const popup = await h.openPage('popup.html');
    try {
      // Every key name the popup ever paints, however briefly.
      await popup.evaluate(() => {
        const seen: string[] = [];
        (window as unknown as { seenNames: string[] }).seenNames = seen;
        new MutationObserver(() => {
          const name = document.querySelector('article[aria-label="Key details"] h2')?.textContent ?? null;
          if (name !== null && seen.at(-1) !== name) seen.push(name);
        }).observe(document.body, { subtree: true, childList: true, characterData: true });
      });

      await submit(popup, FAULT_HASHES.slow);
      const slowGet = await waitForGet(FAULT_HASHES.slow);
      await submit(popup, SAMPLE_HASHES.noLimit);
      await submit(popup, SAMPLE_HASHES.byok);
      const card = popup.getByRole('article', { name: 'Key details' });
      await card.getByRole('heading', { name: 'BYOK gateway', level: 2 }).waitFor();

      const aborted = await waitUntil('the slow request to fail', async () =>
        failed.find((line) => line.includes(FAULT_HASHES.slow)),
      );
      expect(aborted).toMatch(/net::ERR_ABORTED$/);

      // Past the moment the slow answer would have arrived, nothing has changed.
      await waitUntil('the slow answer to be due', async () =>
        Date.now() > slowGet.at + api.slowMs + 500 ? true : undefined,
      );
      expect(await textOf(card.getByRole('heading', { level: 2 }))).toBe('BYOK gateway');
      expect(await loading(popup).count()).toBe(0);
      const seen = await popup.evaluate(() => (window as unknown as { seenNames: string[] }).seenNames);
      // The slow hash serves the active sample's name.
      expect(seen).not.toContain('Production backend');
      expect(seen.at(-1)).toBe('BYOK gateway');
      // Aborted, not retried; and nothing of it was kept.
      expect(getsFor(FAULT_HASHES.slow)).toHaveLength(1);
      const session = await readStorage(popup, 'session');
      const local = await readStorage(popup, 'local');
      expect(JSON.stringify(session.resultCache ?? {})).not.toContain(FAULT_HASHES.slow);
      expect(JSON.stringify(local.history ?? [])).not.toContain(FAULT_HASHES.slow);
    } finally {
      h.context.off('requestfailed', onFailed);
      api.slowMs = 30_000;
      await popup.close();
    }
  });
});

describe('retries', () => {
  let popup: Page;

  beforeAll(async () => {
    popup = await h.openPage('popup.html');
  });

  // prettier-ignore
  it.each([
    ['502', 2, 'ModelGates server error', FAULT_HASHES.badGatewayHtml],
    ['503', 2, 'ModelGates server error', FAULT_HASHES.unavailableHtml],
    ['a dropped connection', 2, 'Could not reach the API', FAULT_HASHES.dropConnection],
    ['404', 1, 'No key with this hash', UNKNOWN_HASH],
    ['429', 1, 'Too many requests', FAULT_HASHES.rateLimitedSeconds],
  ])('%s: the extension sends %i GET request(s) and the popup says "%s"', async (_case, count, title, hash) => {
    api.clearRequests();
    const fetches: number[] = [];
    const onRequest = (request: Request) => {
      if (request.method() === 'GET' && request.url().endsWith(`/keys/${hash}`)) fetches.push(Date.now());
    };
    h.context.on('request', onRequest);
    try {
      const notice = await lookUp(popup, hash);
      expect(await textOf(notice.getByRole('heading'))).toBe(title);
    } finally {
      h.context.off('request', onRequest);
    }
    // What the worker's fetch sent, as the browser reports it. On the wire a dropped connection
    // can show more (seen: 4 for 2 fetches): Chromium's network stack itself replays a GET once
    // when a reused keep-alive connection closes unanswered, below anything the extension controls.
    expect(fetches).toHaveLength(count);
    if (hash !== FAULT_HASHES.dropConnection) expect(getsFor(hash)).toHaveLength(count);
    const [first, second] = fetches;
    if (first !== undefined && second !== undefined) {
      // One retry after a jittered 250–500 ms pause (plus the first answer's time).
      expect(second - first).toBeGreaterThanOrEqual(250);
      expect(second - first).toBeLessThan(2_000);
    }
  });

  it('429: nothing retries it later by itself, and the popup says when to try again', async () => {
    api.clearRequests();
    const notice = await lookUp(popup, FAULT_HASHES.rateLimitedSeconds);
    expect(await textOf(notice.locator('.notice__body'))).toMatch(/^Try again in (29|30) seconds\.$/);
    expect(getsFor(FAULT_HASHES.rateLimitedSeconds)).toHaveLength(1);
    // Longer than any retry pause: a retry would have arrived by now.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(getsFor(FAULT_HASHES.rateLimitedSeconds)).toHaveLength(1);
  });
});

describe('the timeout setting', () => {
  const FIELD_MESSAGE = 'The timeout must be a whole number of seconds from 3 to 60.';

  it('at 3 seconds, a slow API is reported as "did not answer in time" after about 3 s', async () => {
    await saveOptions(h, { timeoutSeconds: 3 });
    const popup = await h.openPage('popup.html');
    const started = Date.now();
    const notice = await lookUp(popup, FAULT_HASHES.slow);
    const elapsed = Date.now() - started;
    expect(await textOf(notice.getByRole('heading'))).toBe('The API did not answer in time');
    expect(await textOf(notice.locator('.notice__body'))).toBe('No answer within 3 seconds.');
    // Loose bounds: not before the chosen 3 s, and well before the default 10 s.
    expect(elapsed).toBeGreaterThanOrEqual(2_900);
    expect(elapsed).toBeLessThan(10_000);
    await popup.close();
  });

  it.each([['2'], ['61'], ['']])('%j is refused beside the field, and nothing is saved', async (value) => {
    const options = await h.openPage('options.html');
    const field = options.getByLabel('Timeout (seconds)');
    await field.fill(value);
    await options.getByRole('button', { name: 'Save', exact: true }).click();
    await options
      .getByRole('status')
      .filter({ hasText: 'Nothing was saved. Correct the fields marked below.' })
      .waitFor();
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await descriptionOf(field)).toContain(FIELD_MESSAGE);

    await options.reload();
    await expect.poll(() => options.getByLabel('Timeout (seconds)').inputValue()).toBe('3');
    const settings = (await readStorage(options, 'local')).settings as { timeoutSeconds?: unknown } | undefined;
    expect(settings?.timeoutSeconds).toBe(3);
    await options.close();
  });
});
