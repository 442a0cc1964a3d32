// `npm run bench`: how fast the built extension is where a person notices, in Debian's Chromium
// (headless) against the local mock API. Prints one markdown table (also written to
// bench-output/bench.md): medians with the spread p25–p75 over BENCH_SAMPLES (default 25)
// samples per row, each against its budget. Exits 0 whatever the figures; a FAIL is for a person
// to read, not a gate (timings on a shared 2-core machine are too noisy to gate on).
// Runs under plain `node`: erasable TypeScript only.
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Page } from 'playwright-core';
import {
  CHROME_BUILD_DIR,
  configure,
  launchExtension,
  lookUp,
  PROJECT_ROOT,
  waitForSaveStatus,
  type ExtensionHarness,
} from '../test/e2e/harness.ts';
import { MOCK_MANAGEMENT_KEY, SAMPLE_HASHES } from '../test/mock-api/samples.ts';
import { startMockApi, type MockApi } from '../test/mock-api/server.ts';
import { formatKb, measureBuild, POPUP_JS_BUDGET_BYTES } from './sizes.ts';

const SAMPLES = Math.max(20, Number(process.env.BENCH_SAMPLES ?? 25) || 25);
const OUTPUT_FILE = join(PROJECT_ROOT, 'bench-output/bench.md');
const FRAME_MS = 1000 / 60;
const LATENCY_MS = 100;
const HASH = SAMPLE_HASHES.active;

/**
 * The reference page for "popup ready": the least an extension page can be and still have a
 * focused text field. It lives only in the bench's copy of the build, never in the shipped one.
 */
const BLANK_HTML = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>Blank</title></head>
  <body><input id="hash" aria-label="Key hash" autofocus></body>
</html>
`;

/** What the init script records in every page, in performance.now() ms (since navigation start). */
interface Stamps {
  /** "Key hash" received focus. */
  focusedAt: number | null;
  /** The first task after that focus ran with the field still focused and editable. */
  readyAt: number | null;
  /** The history list (or its empty note) first appeared. */
  historyAt: number | null;
  /** The latest Enter keydown, capture phase: before the page's own handlers. */
  enterAt: number | null;
  /** The first message the page sent to the worker after that Enter, and its reply. */
  sentAt: number | null;
  repliedAt: number | null;
  /** The new card (or alert) was first seen in the DOM. */
  insertedAt: number | null;
  /** A task after the animation frame in which it first appeared. */
  outcomeAt: number | null;
  /** Which animation frame after Enter that was: 1 is the first frame after the keypress. */
  outcomeFrame: number | null;
  /** Animation frames begun since Enter. */
  frames: number;
  /** "card", or the alert's words. */
  outcome: string | null;
  /** The card said "Refreshing…" when it appeared: it came from the cache. */
  cached: boolean;
  pending: boolean;
}

/**
 * Installed before any page script. Serialised by Playwright, so it must not refer to anything
 * outside itself.
 */
function instrument(): void {
  const state: Stamps = {
    focusedAt: null,
    readyAt: null,
    historyAt: null,
    enterAt: null,
    sentAt: null,
    repliedAt: null,
    insertedAt: null,
    outcomeAt: null,
    outcomeFrame: null,
    frames: 0,
    outcome: null,
    cached: false,
    pending: false,
  };
  Object.defineProperty(window, '__bench', { value: state });
  const OUTCOME = 'article[aria-label="Key details"], [role="alert"]';

  /** Runs `then` in the first task after the current one: the point where an input event could be handled. */
  const afterThisTask = (then: () => void) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = then;
    channel.port2.postMessage(null);
  };

  document.addEventListener(
    'focusin',
    (event) => {
      const field = event.target;
      if (state.focusedAt !== null || !(field instanceof HTMLInputElement) || field.id !== 'hash') return;
      state.focusedAt = performance.now();
      afterThisTask(() => {
        if (document.activeElement === field && !field.disabled && !field.readOnly) state.readyAt = performance.now();
      });
    },
    true,
  );

  window.addEventListener(
    'keydown',
    (event) => {
      if (event.key !== 'Enter') return;
      // Whatever is shown now is the previous outcome; only a new element counts.
      document.querySelectorAll(OUTCOME).forEach((element) => element.setAttribute('data-bench-stale', ''));
      const enterAt = performance.now();
      Object.assign(state, { enterAt, sentAt: null, repliedAt: null, insertedAt: null, outcomeAt: null, outcomeFrame: null, frames: 0, outcome: null, cached: false, pending: false });
      const tick = () => {
        if (state.enterAt !== enterAt || state.outcomeFrame !== null) return;
        state.frames++;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    },
    true,
  );

  new MutationObserver(() => {
    if (state.historyAt === null && document.querySelector('.history, .history__empty')) state.historyAt = performance.now();
    if (state.enterAt === null || state.pending || state.outcomeAt !== null) return;
    const fresh = Array.from(document.querySelectorAll(OUTCOME)).find((element) => !element.hasAttribute('data-bench-stale'));
    if (!fresh) return;
    const enterAt = state.enterAt;
    state.pending = true;
    state.insertedAt = performance.now();
    state.outcome = fresh.matches('article') ? 'card' : (fresh.textContent ?? '').trim();
    state.cached = (document.querySelector('.popup-result')?.textContent ?? '').includes('Refreshing…');
    // The frame that paints the new element starts with this callback; the task after it runs
    // once that frame has been produced.
    // The frame counter's callback was queued first, so `frames` already counts this frame.
    requestAnimationFrame(() => {
      if (state.enterAt === enterAt) state.outcomeFrame = state.frames;
      afterThisTask(() => {
        if (state.enterAt === enterAt) state.outcomeAt = performance.now();
      });
    });
  }).observe(document, { childList: true, subtree: true, characterData: true });

  // The popup talks to the worker through chrome.runtime.sendMessage with a callback (the
  // messaging library's Chrome path); wrapping it shows how long the worker took to answer.
  type Send = (...args: unknown[]) => unknown;
  const runtime = (globalThis as unknown as { chrome?: { runtime?: { sendMessage?: Send } } }).chrome?.runtime;
  const send = runtime?.sendMessage;
  if (runtime && send) {
    runtime.sendMessage = function (this: unknown, ...args: unknown[]) {
      const enterAt = state.enterAt;
      if (enterAt === null || state.sentAt !== null) return send.apply(this, args);
      state.sentAt = performance.now();
      const last = args.at(-1);
      const stamp = () => {
        if (state.enterAt === enterAt) state.repliedAt = performance.now();
      };
      if (typeof last === 'function') {
        args[args.length - 1] = (...reply: unknown[]) => {
          stamp();
          return (last as Send)(...reply);
        };
        return send.apply(this, args);
      }
      const result = send.apply(this, args);
      if (result instanceof Promise) result.then(stamp, stamp);
      return result;
    };
  }
}

async function stamps(page: Page): Promise<Stamps> {
  return page.evaluate(() => (window as unknown as { __bench: Stamps }).__bench);
}

/** Opens `path` in a new tab and returns navigation start → "Key hash" ready, in ms. */
async function readyTime(h: ExtensionHarness, path: string): Promise<{ page: Page; readyMs: number; historyMs: number | null }> {
  const page = await h.context.newPage();
  await page.goto(new URL(path, h.popupUrl).href);
  await page.waitForFunction(() => (window as unknown as { __bench: Stamps }).__bench.readyAt !== null);
  const { readyAt, historyAt } = await stamps(page);
  return { page, readyMs: readyAt ?? NaN, historyMs: historyAt };
}

interface LookupTiming {
  totalMs: number;
  /** Enter → the lookup message left the page. */
  toSendMs: number | null;
  /** Message sent → reply back in the page. */
  workerMs: number | null;
  /** Reply → card painted. */
  toPaintMs: number | null;
  /** Message sent → the mock API received the GET (wall clock, 1 ms resolution). */
  toRequestMs: number | null;
  cached: boolean;
}

/**
 * Presses Enter in "Key hash" (already holding the hash) and waits until a new card is painted.
 * Throws with the page's words when an alert comes instead.
 */
async function timedLookup(page: Page, api: MockApi): Promise<LookupTiming> {
  const before = api.requests.length;
  await page.getByLabel('Key hash').press('Enter');
  await page.waitForFunction(() => (window as unknown as { __bench: Stamps }).__bench.outcomeAt !== null);
  const [s, timeOrigin] = await Promise.all([stamps(page), page.evaluate(() => performance.timeOrigin)]);
  if (s.outcome !== 'card') throw new Error(`The lookup showed "${s.outcome ?? ''}" instead of a key card`);
  const enterAt = s.enterAt ?? NaN;
  const get = api.requests.slice(before).find((request) => request.method === 'GET');
  return {
    totalMs: (s.outcomeAt ?? NaN) - enterAt,
    toSendMs: s.sentAt === null ? null : s.sentAt - enterAt,
    workerMs: s.sentAt === null || s.repliedAt === null ? null : s.repliedAt - s.sentAt,
    toPaintMs: s.repliedAt === null || s.outcomeAt === null ? null : s.outcomeAt - s.repliedAt,
    toRequestMs: get === undefined || s.sentAt === null ? null : get.at - (timeOrigin + s.sentAt),
    cached: s.cached,
  };
}

/** A cached card is followed by a refresh; the next sample starts once it is done. */
async function waitForRefresh(page: Page): Promise<void> {
  await page.waitForFunction(() => !(document.querySelector('.popup-result')?.textContent ?? '').includes('Refreshing…'));
}

/** The same GET the worker makes, from the popup page itself, timed to the parsed body. */
async function plainFetchMs(page: Page, url: string): Promise<number> {
  return page.evaluate(
    async ({ url, authorization }) => {
      const start = performance.now();
      const response = await fetch(url, {
        headers: { Authorization: authorization, Accept: 'application/json' },
        credentials: 'omit',
        cache: 'no-store',
      });
      await response.json();
      return performance.now() - start;
    },
    { url, authorization: `Bearer ${MOCK_MANAGEMENT_KEY}` },
  );
}

/** Sets "Show a repeated lookup from memory for (seconds)" on the options page, as a person would. */
async function setCacheSeconds(h: ExtensionHarness, seconds: number): Promise<void> {
  const page = await h.openPage('options.html');
  try {
    const field = page.getByLabel('Show a repeated lookup from memory for (seconds)');
    await field.fill(String(seconds));
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await waitForSaveStatus(page, 'Settings saved.');
  } finally {
    await page.close();
  }
}

/** Stops every service worker of the page's storage partition (ours) and waits until it has. */
async function stopWorker(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const stopped = new Promise<void>((resolve) => {
      cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
        if (versions.some((version) => version.scriptURL.startsWith('chrome-extension://') && version.runningStatus === 'stopped')) resolve();
      });
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await Promise.race([
      stopped,
      new Promise((_, reject) => setTimeout(() => reject(new Error('The service worker did not stop within 5 s')), 5000)),
    ]);
  } finally {
    await cdp.detach();
  }
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

// ---- statistics and the table ----

function quantile(values: number[], q: number): number {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return (sorted[low] ?? NaN) + ((sorted[high] ?? NaN) - (sorted[low] ?? NaN)) * (position - low);
}

const median = (values: number[]) => quantile(values, 0.5);
const defined = (values: Array<number | null>) => values.filter((value): value is number => value !== null);

interface Row {
  what: string;
  median: string;
  spread: string;
  budget: string;
  result: 'pass' | 'FAIL' | '';
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const ratio = (value: number) => `${value.toFixed(2)}×`;

function timeRow(what: string, values: number[], budgetMs?: number, format = ms): Row {
  const m = median(values);
  return {
    what,
    median: format(m),
    spread: `${format(quantile(values, 0.25))} – ${format(quantile(values, 0.75))}`,
    budget: budgetMs === undefined ? '' : `≤ ${format(budgetMs)}`,
    result: budgetMs === undefined ? '' : m <= budgetMs ? 'pass' : 'FAIL',
  };
}

function ratioRow(what: string, values: number[], budget: number): Row {
  return timeRow(what, values, budget, ratio);
}

function table(rows: Row[]): string {
  const lines = [
    '| What | Median | Spread (p25 – p75) | Budget | Result |',
    '| --- | ---: | ---: | ---: | :---: |',
    ...rows.map((row) => `| ${row.what} | ${row.median} | ${row.spread} | ${row.budget} | ${row.result} |`),
  ];
  return lines.join('\n');
}

// ---- the run ----

async function main(): Promise<void> {
  const started = Date.now();
  const sizes = await measureBuild(CHROME_BUILD_DIR);

  // The blank page goes into a copy, so the shipped build never carries it.
  const benchDir = await mkdtemp(join(tmpdir(), 'modelgates-bench-'));
  const extensionDir = join(benchDir, 'chrome-mv3');
  await cp(CHROME_BUILD_DIR, extensionDir, { recursive: true });
  await writeFile(join(extensionDir, 'blank.html'), BLANK_HTML);

  const api = await startMockApi();
  let h: ExtensionHarness | undefined;
  try {
    h = await launchExtension({ extensionDir });
    const browserVersion = h.context.browser()?.version() ?? 'unknown';
    await configure(h, { baseUrl: api.baseUrl, key: MOCK_MANAGEMENT_KEY });
    await setCacheSeconds(h, 0);
    await h.context.addInitScript(instrument);

    // Warm-up: the worker has run a lookup, the preflight for the mock's origin is cached, and
    // there is history for the popup to load.
    const popup = await h.openPage('popup.html');
    await lookUp(popup, HASH);
    await lookUp(popup, HASH);
    log(started, 'warmed up');

    // Popup ready, against the blank page, in alternation so that drift hits both alike; each
    // popup then looks a key up and its heap is read.
    const ready = { popup: [] as number[], blank: [] as number[], ratios: [] as number[], history: [] as number[], heap: [] as number[] };
    for (let i = 0; i < SAMPLES; i++) {
      const blank = await readyTime(h, 'blank.html');
      await blank.page.close();
      const opened = await readyTime(h, 'popup.html');
      ready.blank.push(blank.readyMs);
      ready.popup.push(opened.readyMs);
      ready.ratios.push(opened.readyMs / blank.readyMs);
      if (opened.historyMs !== null) ready.history.push(opened.historyMs);
      await lookUp(opened.page, HASH);
      ready.heap.push(await heapUsed(opened.page));
      await opened.page.close();
    }
    log(started, 'popup ready');

    // Warm worker, mock answering at once, cache off: every Enter is a full lookup.
    const warm: LookupTiming[] = [];
    for (let i = 0; i < SAMPLES; i++) warm.push(await timedLookup(popup, api));
    log(started, 'warm lookups');

    // The mock waits 100 ms before each answer; a plain fetch from the same page is the floor.
    api.latencyMs = LATENCY_MS;
    const apiUrl = `${api.baseUrl}/keys/${HASH}`;
    await timedLookup(popup, api);
    await plainFetchMs(popup, apiUrl);
    const slow = { lookup: [] as number[], fetch: [] as number[], ratios: [] as number[] };
    for (let i = 0; i < SAMPLES; i++) {
      const lookupMs = (await timedLookup(popup, api)).totalMs;
      const fetchMs = await plainFetchMs(popup, apiUrl);
      slow.lookup.push(lookupMs);
      slow.fetch.push(fetchMs);
      slow.ratios.push(lookupMs / fetchMs);
    }
    api.latencyMs = 0;
    log(started, 'lookups with latency');

    // Cold worker: stopped before every Enter, so the message has to start it.
    const cold: LookupTiming[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      await stopWorker(popup);
      cold.push(await timedLookup(popup, api));
    }
    log(started, 'cold lookups');

    // Cache on: a repeated lookup shows the remembered card first, then refreshes it.
    await setCacheSeconds(h, 60);
    await timedLookup(popup, api);
    await waitForRefresh(popup);
    const cached: LookupTiming[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      cached.push(await timedLookup(popup, api));
      await waitForRefresh(popup);
    }
    const uncachedCards = cached.filter((timing) => !timing.cached).length;
    if (uncachedCards > 0) throw new Error(`${uncachedCards} of ${SAMPLES} repeated lookups did not show the cached card first`);
    log(started, 'cached lookups');

    const warmTotals = warm.map((timing) => timing.totalMs);
    const coldTotals = cold.map((timing) => timing.totalMs);
    const cachedTotals = cached.map((timing) => timing.totalMs);
    const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
    const heapMedian = median(ready.heap);
    const rows: Row[] = [
      timeRow('Popup ready: navigation start → "Key hash" focused and accepting text', ready.popup),
      timeRow('↳ blank extension page with one autofocused field, same measure', ready.blank),
      ratioRow('Popup ready ÷ blank page (paired)', ready.ratios, 1.5),
      timeRow('↳ popup: history list shown (needs a worker reply; after ready)', ready.history),
      timeRow('Lookup, warm worker, mock answers at once: Enter → card painted', warmTotals, 25),
      timeRow('↳ Enter → lookup message sent (popup)', defined(warm.map((t) => t.toSendMs))),
      timeRow('↳ message sent → mock got the GET (worker before fetch, 1 ms clock)', defined(warm.map((t) => t.toRequestMs))),
      timeRow('↳ message sent → reply in popup (worker round trip, fetch included)', defined(warm.map((t) => t.workerMs))),
      timeRow('↳ reply → card painted (render + next frame)', defined(warm.map((t) => t.toPaintMs))),
      timeRow(`Lookup, mock answers after ${LATENCY_MS} ms: Enter → card`, slow.lookup),
      timeRow('↳ plain fetch of the same URL from the popup page', slow.fetch),
      ratioRow('Lookup ÷ plain fetch (paired)', slow.ratios, 1.1),
      timeRow('Lookup, cold worker (stopped first): Enter → card', coldTotals),
      {
        what: '↳ cold start added (median cold − median warm)',
        median: ms(median(coldTotals) - median(warmTotals)),
        spread: '',
        budget: '',
        result: '',
      },
      timeRow('Repeated lookup, cached card (cache 60 s): Enter → card painted', cachedTotals, FRAME_MS),
      timeRow('↳ message sent → cached reply in popup', defined(cached.map((t) => t.workerMs))),
      timeRow('↳ reply → card painted (render + next frame)', defined(cached.map((t) => t.toPaintMs))),
      {
        what: `Popup JS gzipped (${sizes.popupJs.files.map((file) => file.path).join(' + ')})`,
        median: formatKb(sizes.popupJs.gzipBytes),
        spread: '',
        budget: `≤ ${formatKb(POPUP_JS_BUDGET_BYTES)}`,
        result: sizes.popupJs.gzipBytes <= POPUP_JS_BUDGET_BYTES ? 'pass' : 'FAIL',
      },
      { what: 'Background JS gzipped', median: formatKb(sizes.backgroundJs.gzipBytes), spread: '', budget: '', result: '' },
      { what: 'Whole Chrome zip (build folder zipped in memory, deflate 9)', median: formatKb(sizes.zipBytes), spread: '', budget: '', result: '' },
      {
        what: 'Popup JS heap after a lookup (after GC, CDP Runtime.getHeapUsage)',
        median: mib(heapMedian),
        spread: `${mib(quantile(ready.heap, 0.25))} – ${mib(quantile(ready.heap, 0.75))}`,
        budget: '',
        result: '',
      },
    ];

    const failed = rows.filter((row) => row.result === 'FAIL').length;
    const passed = rows.filter((row) => row.result === 'pass').length;
    const seconds = ((Date.now() - started) / 1000).toFixed(0);
    const report = [
      `# Benchmark: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
      '',
      `Chromium ${browserVersion}, headless; ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}; ` +
        `${SAMPLES} samples per timed row; spread is p25 – p75; ↳ rows explain the row above and have no budget.`,
      'Pages are tabs opened on the extension\'s URLs (the real popup cannot take an init script before it loads).',
      'The cache is off (0 s) for every lookup except the "cached" row.',
      '',
      table(rows),
      '',
      `Budgets: ${passed} pass, ${failed} fail. Run took ${seconds} s.`,
      '',
    ].join('\n');
    console.log(`\n${report}`);
    await mkdir(join(OUTPUT_FILE, '..'), { recursive: true });
    await writeFile(OUTPUT_FILE, report);
    console.log(`Written to ${relative(process.cwd(), OUTPUT_FILE)}`);
  } finally {
    await h?.close().catch(() => undefined);
    await api.close();
    await rm(benchDir, { recursive: true, force: true });
  }
}

function log(started: number, what: string): void {
  console.log(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${what}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
