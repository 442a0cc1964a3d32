// Popup ready: how soon after navigation start "Key hash" takes text, against a blank extension
// page with one autofocused field; each popup then looks a key up, and both pages' heaps are read.
// Runs under plain `node`: erasable TypeScript only.
import type { Page } from 'playwright-core';
import { lookUp, type ExtensionHarness } from '../lib/extension-session.ts';
import { stamps, type Stamps } from './instrument.ts';
import { pairedRatios } from './statistics.ts';

/** A pause between page samples, so that one page's teardown does not land in the next one's figures. */
const SETTLE_MS = 50;

export interface ReadySamples {
  popup: number[];
  blank: number[];
  /** Each popup's time over the blank page's opened just before it. */
  ratios: number[];
  popupScripts: number[];
  blankScripts: number[];
  /** Navigation start → the history list shown; null where it never showed. */
  history: (number | null)[];
  heap: number[];
  blankHeap: number[];
}

/**
 * `samples` pairs of a blank page then a popup, alternating so that drift hits both alike; each
 * popup looks `hash` up before its heap is read.
 */
export async function measurePopupReady(h: ExtensionHarness, samples: number, hash: string): Promise<ReadySamples> {
  const ready: Omit<ReadySamples, 'ratios'> = {
    popup: [],
    blank: [],
    popupScripts: [],
    blankScripts: [],
    history: [],
    heap: [],
    blankHeap: [],
  };
  for (let i = 0; i < samples; i++) {
    const blank = await readyTime(h, 'blank.html');
    ready.blankHeap.push(await heapUsed(blank.page));
    await blank.page.close();
    await settle();
    const opened = await readyTime(h, 'popup.html');
    ready.blank.push(blank.readyMs);
    ready.popup.push(opened.readyMs);
    ready.popupScripts.push(opened.scriptsRanMs);
    ready.blankScripts.push(blank.scriptsRanMs);
    ready.history.push(opened.historyMs);
    await lookUp(opened.page, hash);
    ready.heap.push(await heapUsed(opened.page));
    await opened.page.close();
    await settle();
  }
  return { ...ready, ratios: pairedRatios(ready.popup, ready.blank) };
}

interface ReadyTiming {
  page: Page;
  /** Navigation start → "Key hash" focused and accepting text. */
  readyMs: number;
  /** Navigation start → DOMContentLoaded, which waits for the page's module scripts to run. */
  scriptsRanMs: number;
  historyMs: number | null;
}

/** Opens `path` in a new tab and times it from navigation start. */
async function readyTime(h: ExtensionHarness, path: string): Promise<ReadyTiming> {
  const page = await h.context.newPage();
  await page.goto(new URL(path, h.popupUrl).href);
  await page.waitForFunction(() => (window as unknown as { __bench: Stamps }).__bench.readyAt !== null);
  // The popup's history comes with the worker's reply, after the field is ready (at most 5 s).
  if (path === 'popup.html') {
    await page
      .waitForFunction(() => (window as unknown as { __bench: Stamps }).__bench.historyAt !== null, undefined, {
        timeout: 5000,
      })
      .catch(() => {});
  }
  const [{ readyAt, historyAt }, scriptsRanMs] = await Promise.all([
    stamps(page),
    page.evaluate(() => {
      const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
      return navigation?.domContentLoadedEventStart ?? NaN;
    }),
  ]);
  return { page, readyMs: readyAt ?? NaN, scriptsRanMs, historyMs: historyAt };
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
