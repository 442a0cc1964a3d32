// Lookups under trouble, as Chromium's network events show them: lookups that overtake each
// other (the slow one aborted), and answers that are retried (or must not be).
import type { Page, Request } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { FAULT_HASHES, SAMPLE_HASHES, UNKNOWN_HASH } from '../../mock-api/samples.ts';
import type { RecordedRequest } from '../../mock-api/server.ts';
import { useChromium } from '../fixtures.ts';
import { lookUp, readStorage, textOf, waitUntil } from '../harness.ts';

/** Long enough that neither the timeout nor the slow answer can end a lookup during a test. */
const LONG_TIMEOUT_SECONDS = 20;

const session = useChromium({ mock: { slowMs: 30_000 }, configured: { timeoutSeconds: LONG_TIMEOUT_SECONDS } });

function getsFor(hash: string): RecordedRequest[] {
  return session.api.requests.filter(
    (r) => r.target === 'api' && r.method === 'GET' && r.url.endsWith(`/keys/${hash}`),
  );
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

describe('lookups in quick succession', () => {
  it('only the newest is shown, and the slow one in flight is aborted', async () => {
    // Short enough to wait out below, so that a slow answer that was not aborted would show.
    session.api.slowMs = 2_000;
    session.api.clearRequests();
    const failed: string[] = [];
    const onFailed = (request: { url(): string; failure(): { errorText: string } | null }) =>
      failed.push(`${request.url()} ${request.failure()?.errorText ?? ''}`);
    session.h.context.on('requestfailed', onFailed);
    const popup = await session.h.openPage('popup.html');
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
      const due = slowGet.at + session.api.slowMs + 500;
      await waitUntil('the slow answer to be due', async () => (Date.now() > due ? true : undefined));
      expect(await textOf(card.getByRole('heading', { level: 2 }))).toBe('BYOK gateway');
      expect(await loading(popup).count()).toBe(0);
      const seen = await popup.evaluate(() => (window as unknown as { seenNames: string[] }).seenNames);
      // The slow hash serves the active sample's name.
      expect(seen).not.toContain('Production backend');
      expect(seen.at(-1)).toBe('BYOK gateway');
      // Aborted, not retried; and nothing of it was kept.
      expect(getsFor(FAULT_HASHES.slow)).toHaveLength(1);
      const inSession = await readStorage(popup, 'session');
      const local = await readStorage(popup, 'local');
      expect(JSON.stringify(inSession.resultCache ?? {})).not.toContain(FAULT_HASHES.slow);
      expect(JSON.stringify(local.history ?? [])).not.toContain(FAULT_HASHES.slow);
    } finally {
      session.h.context.off('requestfailed', onFailed);
      session.api.slowMs = 30_000;
      await popup.close();
    }
  });
});

describe('retries', () => {
  let popup: Page;

  beforeAll(async () => {
    popup = await session.h.openPage('popup.html');
  });

  // prettier-ignore
  it.each([
    ['502', 2, 'ModelGates server error', FAULT_HASHES.badGatewayHtml],
    ['503', 2, 'ModelGates server error', FAULT_HASHES.unavailableHtml],
    ['a dropped connection', 2, 'Could not reach the API', FAULT_HASHES.dropConnection],
    ['404', 1, 'No key with this hash', UNKNOWN_HASH],
    ['429', 1, 'Too many requests', FAULT_HASHES.rateLimitedSeconds],
  ])('%s: the extension sends %i GET request(s) and the popup says "%s"', async (_case, count, title, hash) => {
    session.api.clearRequests();
    const fetches: number[] = [];
    const onRequest = (request: Request) => {
      if (request.method() === 'GET' && request.url().endsWith(`/keys/${hash}`)) fetches.push(Date.now());
    };
    session.h.context.on('request', onRequest);
    try {
      const notice = await lookUp(popup, hash);
      expect(await textOf(notice.getByRole('heading'))).toBe(title);
    } finally {
      session.h.context.off('request', onRequest);
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
    session.api.clearRequests();
    const notice = await lookUp(popup, FAULT_HASHES.rateLimitedSeconds);
    expect(await textOf(notice.locator('.notice__body'))).toMatch(/^Try again in (29|30) seconds\.$/);
    expect(getsFor(FAULT_HASHES.rateLimitedSeconds)).toHaveLength(1);
    // Longer than any retry pause: a retry would have arrived by now.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(getsFor(FAULT_HASHES.rateLimitedSeconds)).toHaveLength(1);
  });
});
