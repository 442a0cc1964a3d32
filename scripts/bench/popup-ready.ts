// Popup ready: how soon after navigation start "Key hash" takes text, against a blank extension
// page with one autofocused field, and the steps between (the HTML, the scripts, the first render,
// the start message); each popup then looks a key up, and both pages' heaps are read.
// Runs under plain `node`: erasable TypeScript only.
import type { Page } from 'playwright-core';
import { lookUp, type ExtensionHarness } from '../lib/extension-session.ts';
import { stamps, type Stamps } from './instrument.ts';
import { pairedRatios } from './statistics.ts';
import { takeProbe } from './worker-probe.ts';
import { firstSteps, type WorkerSteps } from './worker-steps.ts';
import { workerOf } from './worker.ts';

/** A pause between page samples, so that one page's teardown does not land in the next one's figures. */
const SETTLE_MS = 50;

/** A page's way from navigation start to a field that takes text, in ms from navigation start. */
export interface PageSteps {
  /** The HTML has arrived. */
  htmlAt: number;
  /** The HTML is parsed (module scripts may still be loading). */
  parsedAt: number;
  /** DOMContentLoaded: the page's module scripts have run. */
  scriptsRanAt: number;
  /** #app first held the popup (its prerendered HTML, parsed); null for a page without one. */
  renderedAt: number | null;
  focusedAt: number | null;
  readyAt: number;
  /** The first message to the worker and its reply; null for a page that sends none. */
  firstSentAt: number | null;
  firstRepliedAt: number | null;
  /** The history list shown; null where it never showed. */
  historyAt: number | null;
}

export interface ReadySamples {
  popup: PageSteps[];
  blank: PageSteps[];
  /** The reference's list page (scripts/bench/reference/list.tsx): one message, the same list drawn. */
  list: PageSteps[];
  /** Each popup's time to ready over the blank page's opened just before it. */
  ratios: number[];
  heap: number[];
  blankHeap: number[];
  /** The popup's start message inside the worker, per popup; null when the worker could not be asked. */
  start: (WorkerSteps | null)[];
}

/**
 * `samples` rounds of a blank page, a popup and the reference's list page (at `listUrl`), one
 * after the other so that drift hits all alike; each popup looks `hash` up before its heap is read.
 */
export async function measurePopupReady(
  h: ExtensionHarness,
  samples: number,
  hash: string,
  listUrl: string,
): Promise<ReadySamples> {
  const ready: Omit<ReadySamples, 'ratios'> = { popup: [], blank: [], list: [], heap: [], blankHeap: [], start: [] };
  const worker = () => workerOf(h.context, h.extensionId);
  for (let i = 0; i < samples; i++) {
    const blank = await openTimed(h, 'blank.html');
    ready.blankHeap.push(await heapUsed(blank.page));
    await blank.page.close();
    await settle();
    await takeProbe(worker());
    const opened = await openTimed(h, 'popup.html');
    ready.start.push(firstSteps(await takeProbe(worker()), 'popupStart'));
    ready.blank.push(blank.steps);
    ready.popup.push(opened.steps);
    await lookUp(opened.page, hash);
    ready.heap.push(await heapUsed(opened.page));
    await opened.page.close();
    await settle();
    const list = await openTimed(h, listUrl);
    ready.list.push(list.steps);
    await list.page.close();
    await settle();
  }
  const readyOf = (steps: PageSteps[]) => steps.map((s) => s.readyAt);
  return { ...ready, ratios: pairedRatios(readyOf(ready.popup), readyOf(ready.blank)) };
}

/** Opens `path` (a page of ours, or another extension's page by its URL) in a new tab and times it from navigation start. */
async function openTimed(h: ExtensionHarness, path: string): Promise<{ page: Page; steps: PageSteps }> {
  const page = await h.context.newPage();
  await page.goto(new URL(path, h.popupUrl).href);
  await page.waitForFunction(() => (window as unknown as { __bench: Stamps }).__bench.readyAt !== null);
  // The popup's history (the list page's list) comes with the worker's reply, after the field is
  // ready (at most 5 s).
  if (path !== 'blank.html') {
    await page
      .waitForFunction(() => (window as unknown as { __bench: Stamps }).__bench.historyAt !== null, undefined, {
        timeout: 5000,
      })
      .catch(() => {});
  }
  const [s, navigation] = await Promise.all([
    stamps(page),
    page.evaluate(() => {
      const [entry] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
      return {
        htmlAt: entry?.responseEnd ?? NaN,
        parsedAt: entry?.domInteractive ?? NaN,
        scriptsRanAt: entry?.domContentLoadedEventStart ?? NaN,
      };
    }),
  ]);
  return {
    page,
    steps: {
      ...navigation,
      renderedAt: s.renderedAt,
      focusedAt: s.focusedAt,
      readyAt: s.readyAt ?? NaN,
      firstSentAt: s.firstSentAt,
      firstRepliedAt: s.firstRepliedAt,
      historyAt: s.historyAt,
    },
  };
}

/** The page's used JS heap after a full garbage collection, in bytes. */
async function heapUsed(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    return (await cdp.send('Runtime.getHeapUsage')).usedSize;
  } finally {
    await cdp.detach();
  }
}

function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
}
