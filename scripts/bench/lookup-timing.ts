// One timed lookup in the popup, from Enter to the card painted and each step between, and the
// plain fetch of the same URL it is compared with.
// Runs under plain `node`: erasable TypeScript only.
import type { Page } from 'playwright-core';
import { MOCK_MANAGEMENT_KEY } from '../../test/mock-api/samples.ts';
import type { MockApi } from '../../test/mock-api/server.ts';
import { stamps, type Stamps } from './instrument.ts';
import { elapsed } from './statistics.ts';

/** One display frame at 60 Hz. */
export const FRAME_MS = 1000 / 60;

export interface LookupTiming {
  /** Enter → card painted. */
  totalMs: number;
  /** Enter → the lookup message left the page. */
  toSendMs: number | null;
  /** Message sent → reply back in the page. */
  workerMs: number | null;
  /** Message sent → the mock API received the GET (wall clocks, 1 ms resolution). */
  toRequestMs: number | null;
  /** Reply → card in the DOM: Preact's render. */
  renderMs: number | null;
  /** Card in the DOM → the next frame begins: waiting for the display's beat. */
  frameWaitMs: number | null;
  /** Frame begins → painted: style, layout and paint of the card. */
  paintMs: number | null;
  cached: boolean;
  /** Wall-clock ms (epoch) when the lookup message was sent, and when the mock got the GET. */
  sentEpoch: number | null;
  requestEpoch: number | null;
}

/**
 * Presses Enter in "Key hash" (already holding the hash) and waits until a new card is painted.
 * Throws with the page's words when an alert comes instead.
 */
export async function timedLookup(page: Page, api: MockApi, sample = 0): Promise<LookupTiming> {
  const before = api.requests.length;
  await atPhase(sample);
  await page.getByLabel('Key hash').press('Enter');
  await page.waitForFunction(() => (window as unknown as { __bench: Stamps }).__bench.outcomeAt !== null);
  const [s, timeOrigin] = await Promise.all([stamps(page), page.evaluate(() => performance.timeOrigin)]);
  if (s.outcome !== 'card') throw new Error(`The lookup showed "${s.outcome ?? ''}" instead of a key card`);
  const get = api.requests.slice(before).find((request) => request.method === 'GET');
  const sentEpoch = s.sentAt === null ? null : timeOrigin + s.sentAt;
  const requestEpoch = get?.at ?? null;
  return {
    totalMs: (s.outcomeAt ?? NaN) - (s.enterAt ?? NaN),
    toSendMs: elapsed(s.enterAt, s.sentAt),
    workerMs: elapsed(s.sentAt, s.repliedAt),
    toRequestMs: elapsed(sentEpoch, requestEpoch),
    renderMs: elapsed(s.repliedAt, s.insertedAt),
    frameWaitMs: elapsed(s.insertedAt, s.frameAt),
    paintMs: elapsed(s.frameAt, s.outcomeAt),
    cached: s.cached,
    sentEpoch,
    requestEpoch,
  };
}

/**
 * Waits 0–16 ms, a different share of a frame for each sample (golden-ratio steps cover the frame
 * evenly for any sample count). Playwright's waits poll on animation frames, so without this every
 * Enter would come just after a frame began, the worst moment for work shorter than a frame; a
 * person's keypress comes at any moment.
 */
export function atPhase(sample: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.round(((sample * 0.618034) % 1) * FRAME_MS)));
}

/** A cached card is followed by a refresh; the next sample starts once it is done. */
export async function waitForRefresh(page: Page): Promise<void> {
  await page.waitForFunction(
    () => !(document.querySelector('.popup-result')?.textContent ?? '').includes('Refreshing…'),
  );
}

/**
 * The same GET the worker makes (same headers and fetch options) from the popup page itself:
 * ms to the parsed body, and to the task after the next frame (what a page that painted the
 * answer at once would take).
 */
export async function plainFetch(page: Page, url: string, sample = 0): Promise<{ fetchMs: number; paintedMs: number }> {
  await atPhase(sample);
  return page.evaluate(
    async ({ url, authorization }) => {
      const start = performance.now();
      const response = await fetch(url, {
        headers: { Authorization: authorization, Accept: 'application/json' },
        redirect: 'manual',
        credentials: 'omit',
        cache: 'no-store',
        referrerPolicy: 'no-referrer',
      });
      await response.json();
      const fetchMs = performance.now() - start;
      await new Promise((resolve) =>
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = resolve;
          channel.port2.postMessage(null);
        }),
      );
      return { fetchMs, paintedMs: performance.now() - start };
    },
    { url, authorization: `Bearer ${MOCK_MANAGEMENT_KEY}` },
  );
}
