// `npm run bench`: how fast the built extension is where a person notices, in Debian's Chromium
// (headless) against the local mock API. Prints one markdown table (also written to
// bench-output/bench.md): medians with the spread p25–p75 over BENCH_SAMPLES (default 40)
// samples per row, each against its budget. Exits 0 whatever the figures; a FAIL is for a person
// to read, not a gate (timings on a shared 2-core machine are too noisy to gate on).
// Runs under plain `node`: erasable TypeScript only.
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import type { Page, Worker } from 'playwright-core';
import {
  CHROME_BUILD_DIR,
  configure,
  launchExtension,
  lookUp,
  PROJECT_ROOT,
  saveOptions,
  type ExtensionHarness,
} from '../test/e2e/harness.ts';
import { MOCK_MANAGEMENT_KEY, SAMPLE_HASHES } from '../test/mock-api/samples.ts';
import { startMockApi, type MockApi } from '../test/mock-api/server.ts';
import { chromeZipPath, formatKb, measureBuild, POPUP_JS_BUDGET_BYTES } from './lib/build-sizes.ts';

const SAMPLES = Math.max(20, Number(process.env.BENCH_SAMPLES ?? 40) || 40);
const OUTPUT_DIR = join(PROJECT_ROOT, 'bench-output');
const FRAME_MS = 1000 / 60;
const LATENCY_MS = 100;
const HASH = SAMPLE_HASHES.active;
const STORAGE_PROBES = 5;
const SETTLE_MS = 50;
/** The mock listens on 127.0.0.1 (any port); the manifest pattern ignores the port. */
const MOCK_ORIGIN_PATTERN = 'http://127.0.0.1/*';

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
  /** The animation frame that paints it began (its requestAnimationFrame callback ran). */
  frameAt: number | null;
  /** A task after that frame: style, layout and paint of the new element are done. */
  outcomeAt: number | null;
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
    frameAt: null,
    outcomeAt: null,
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
      // No frame counter here: a running requestAnimationFrame loop would itself pin frames to
      // the display's beat, and make every card wait for it.
      Object.assign(state, {
        enterAt: performance.now(),
        sentAt: null,
        repliedAt: null,
        insertedAt: null,
        frameAt: null,
        outcomeAt: null,
        outcome: null,
        cached: false,
        pending: false,
      });
    },
    true,
  );

  new MutationObserver(() => {
    if (state.historyAt === null && document.querySelector('.history, .history__empty'))
      state.historyAt = performance.now();
    if (state.enterAt === null || state.pending || state.outcomeAt !== null) return;
    const fresh = Array.from(document.querySelectorAll(OUTCOME)).find(
      (element) => !element.hasAttribute('data-bench-stale'),
    );
    if (!fresh) return;
    const enterAt = state.enterAt;
    state.pending = true;
    state.insertedAt = performance.now();
    state.outcome = fresh.matches('article') ? 'card' : (fresh.textContent ?? '').trim();
    state.cached = (document.querySelector('.popup-result')?.textContent ?? '').includes('Refreshing…');
    // The frame that paints the new element starts with this callback; the task after it runs
    // once that frame has been produced.
    requestAnimationFrame(() => {
      if (state.enterAt === enterAt) state.frameAt = performance.now();
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
  const [{ readyAt, historyAt }, scriptsRanMs] = await Promise.all([
    stamps(page),
    page.evaluate(() => {
      const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
      return navigation?.domContentLoadedEventStart ?? NaN;
    }),
  ]);
  return { page, readyMs: readyAt ?? NaN, scriptsRanMs, historyMs: historyAt };
}

interface LookupTiming {
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

const elapsed = (from: number | null, to: number | null) => (from === null || to === null ? null : to - from);

/**
 * Presses Enter in "Key hash" (already holding the hash) and waits until a new card is painted.
 * Throws with the page's words when an alert comes instead.
 */
async function timedLookup(page: Page, api: MockApi, sample = 0): Promise<LookupTiming> {
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
function atPhase(sample: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.round(((sample * 0.618034) % 1) * FRAME_MS)));
}

/** A cached card is followed by a refresh; the next sample starts once it is done. */
async function waitForRefresh(page: Page): Promise<void> {
  await page.waitForFunction(
    () => !(document.querySelector('.popup-result')?.textContent ?? '').includes('Refreshing…'),
  );
}

/**
 * The same GET the worker makes (same headers and fetch options) from the popup page itself:
 * ms to the parsed body, and to the task after the next frame (what a page that painted the
 * answer at once would take).
 */
async function plainFetch(page: Page, url: string, sample = 0): Promise<{ fetchMs: number; paintedMs: number }> {
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

/** Stops every service worker of the page's storage partition (ours) and waits until it has. */
async function stopWorker(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const stopped = new Promise<void>((resolve) => {
      cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
        if (
          versions.some(
            (version) => version.scriptURL.startsWith('chrome-extension://') && version.runningStatus === 'stopped',
          )
        )
          resolve();
      });
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    let timer: ReturnType<typeof setTimeout> | undefined;
    const limit = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('The service worker did not stop within 5 s')), 5000);
    });
    await Promise.race([stopped, limit]).finally(() => clearTimeout(timer));
  } finally {
    await cdp.detach();
  }
}

/** The extension's running service worker: after a restart it is a new one. */
function currentWorker(h: ExtensionHarness): Worker | undefined {
  return h.context.serviceWorkers().find((worker) => worker.url().startsWith(`chrome-extension://${h.extensionId}/`));
}

/** When the current worker's global scope was created (epoch ms), or null if it cannot be asked. */
async function workerStartEpoch(h: ExtensionHarness): Promise<number | null> {
  return (
    (await currentWorker(h)
      ?.evaluate(() => performance.timeOrigin)
      .catch(() => null)) ?? null
  );
}

interface StorageCalls {
  calls: number;
  /** Summed duration of the calls; concurrent calls overlap, so this can exceed wall time. */
  ms: number;
  byName: Record<string, number>;
}

/**
 * Wraps the worker's chrome.storage get/set/remove to count them. Lasts until the worker stops,
 * so it runs after the timed warm lookups and before the cold ones restart the worker.
 */
async function countWorkerStorage(worker: Worker): Promise<void> {
  await worker.evaluate(() => {
    type Call = (...args: unknown[]) => unknown;
    const stats: StorageCalls = { calls: 0, ms: 0, byName: {} };
    Object.defineProperty(globalThis, '__benchStorage', { value: stats, configurable: true });
    const storage = (globalThis as unknown as { chrome: { storage: Record<string, Record<string, Call>> } }).chrome
      .storage;
    for (const areaName of ['local', 'session', 'sync']) {
      const area = storage[areaName];
      if (!area) continue;
      for (const method of ['get', 'set', 'remove']) {
        const original = area[method];
        if (typeof original !== 'function') continue;
        area[method] = function (this: unknown, ...args: unknown[]) {
          const start = performance.now();
          const name = `${areaName}.${method}`;
          stats.calls++;
          stats.byName[name] = (stats.byName[name] ?? 0) + 1;
          const done = () => {
            stats.ms += performance.now() - start;
          };
          const last = args.at(-1);
          if (typeof last === 'function') {
            args[args.length - 1] = (...reply: unknown[]) => {
              done();
              return (last as Call)(...reply);
            };
            return original.apply(this, args);
          }
          const result = original.apply(this, args);
          if (result instanceof Promise) result.then(done, done);
          return result;
        };
      }
    }
  });
}

async function readWorkerStorage(worker: Worker): Promise<StorageCalls> {
  return worker.evaluate(() => {
    const stats = (globalThis as unknown as { __benchStorage: StorageCalls }).__benchStorage;
    return { ...stats, byName: { ...stats.byName } };
  });
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
const times = (value: number) => `${value.toFixed(2)}×`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

function row(what: string, values: number[], format: (value: number) => string, budget?: number): Row {
  const m = median(values);
  return {
    what,
    median: format(m),
    spread: `${format(quantile(values, 0.25))} – ${format(quantile(values, 0.75))}`,
    budget: budget === undefined ? '' : `≤ ${format(budget)}`,
    result: budget === undefined ? '' : m <= budget ? 'pass' : 'FAIL',
  };
}

function single(what: string, value: string, budget = '', result: Row['result'] = ''): Row {
  return { what, median: value, spread: '', budget, result };
}

function table(rows: Row[]): string {
  return [
    '| What | Median | Spread (p25 – p75) | Budget | Result |',
    '| --- | ---: | ---: | ---: | :---: |',
    ...rows.map((r) => `| ${r.what} | ${r.median} | ${r.spread} | ${r.budget} | ${r.result} |`),
  ].join('\n');
}

// ---- the run ----

/**
 * The bench's copy of the build: the blank reference page added, and the mock's origin granted
 * at install as the production API's origin is (so neither the worker nor the page needs a CORS
 * preflight, as with the default base URL).
 */
async function benchCopy(): Promise<{ root: string; extensionDir: string }> {
  const root = await mkdtemp(join(tmpdir(), 'modelgates-bench-'));
  const extensionDir = join(root, 'chrome-mv3');
  await cp(CHROME_BUILD_DIR, extensionDir, { recursive: true });
  await writeFile(join(extensionDir, 'blank.html'), BLANK_HTML);
  const manifestPath = join(extensionDir, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { host_permissions?: string[] };
  manifest.host_permissions = [...(manifest.host_permissions ?? []), MOCK_ORIGIN_PATTERN];
  await writeFile(manifestPath, JSON.stringify(manifest));
  return { root, extensionDir };
}

async function main(): Promise<void> {
  const started = Date.now();
  // Other work on the machine moves every figure here; the load average lets a reader judge a run.
  const loadAtStart = loadavg()[0] ?? NaN;
  const sizes = await measureBuild(CHROME_BUILD_DIR, await chromeZipPath(PROJECT_ROOT));
  const copy = await benchCopy();
  const api = await startMockApi();
  let h: ExtensionHarness | undefined;
  try {
    h = await launchExtension({ extensionDir: copy.extensionDir });
    const browserVersion = h.context.browser()?.version() ?? 'unknown';
    await configure(h, { baseUrl: api.baseUrl, key: MOCK_MANAGEMENT_KEY });
    await saveOptions(h, { cacheSeconds: 0 });
    await h.context.addInitScript(instrument);

    // Warm-up: the worker has run a lookup and there is history for the popup to load.
    const popup = await h.openPage('popup.html');
    await lookUp(popup, HASH);
    await lookUp(popup, HASH);
    log(started, 'warmed up');

    // Popup ready against the blank page, alternating so that drift hits both alike; each popup
    // then looks a key up and its heap is read.
    const ready = {
      popup: [] as number[],
      blank: [] as number[],
      ratios: [] as number[],
      popupScripts: [] as number[],
      blankScripts: [] as number[],
      history: [] as number[],
      heap: [] as number[],
      blankHeap: [] as number[],
    };
    for (let i = 0; i < SAMPLES; i++) {
      const blank = await readyTime(h, 'blank.html');
      ready.blankHeap.push(await heapUsed(blank.page));
      await blank.page.close();
      await settle();
      const opened = await readyTime(h, 'popup.html');
      ready.blank.push(blank.readyMs);
      ready.popup.push(opened.readyMs);
      ready.ratios.push(opened.readyMs / blank.readyMs);
      ready.popupScripts.push(opened.scriptsRanMs);
      ready.blankScripts.push(blank.scriptsRanMs);
      if (opened.historyMs !== null) ready.history.push(opened.historyMs);
      await lookUp(opened.page, HASH);
      ready.heap.push(await heapUsed(opened.page));
      await opened.page.close();
      await settle();
    }
    log(started, 'popup ready');

    // Warm worker, mock answering at once, cache off: every Enter is a full lookup.
    const warm: LookupTiming[] = [];
    for (let i = 0; i < SAMPLES; i++) warm.push(await timedLookup(popup, api, i));
    log(started, 'warm lookups');

    // The mock waits before each answer; a plain fetch of the same URL from the same page is the floor.
    api.latencyMs = LATENCY_MS;
    const apiUrl = `${api.baseUrl}/keys/${HASH}`;
    await timedLookup(popup, api);
    await plainFetch(popup, apiUrl);
    const slow = { lookup: [] as LookupTiming[], fetch: [] as number[], fetchPainted: [] as number[] };
    for (let i = 0; i < SAMPLES; i++) {
      slow.lookup.push(await timedLookup(popup, api, i));
      const plain = await plainFetch(popup, apiUrl, i);
      slow.fetch.push(plain.fetchMs);
      slow.fetchPainted.push(plain.paintedMs);
    }
    api.latencyMs = 0;
    log(started, 'lookups with latency');

    // What the worker does with storage in one lookup, counted on a few extra (untimed) lookups.
    const worker = currentWorker(h);
    let storage: StorageCalls | undefined;
    if (worker) {
      await countWorkerStorage(worker);
      for (let i = 0; i < STORAGE_PROBES; i++) await timedLookup(popup, api);
      storage = await readWorkerStorage(worker);
    }

    // Cold worker: stopped before every Enter, so the message has to start it.
    const cold: Array<LookupTiming & { startedEpoch: number | null }> = [];
    for (let i = 0; i < SAMPLES; i++) {
      await stopWorker(popup);
      const timing = await timedLookup(popup, api, i);
      cold.push({ ...timing, startedEpoch: await workerStartEpoch(h) });
    }
    log(started, 'cold lookups');

    // Cache on: a repeated lookup shows the remembered card first, then refreshes it.
    await saveOptions(h, { cacheSeconds: 60 });
    await timedLookup(popup, api);
    await waitForRefresh(popup);
    const cached: LookupTiming[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      cached.push(await timedLookup(popup, api, i));
      await waitForRefresh(popup);
    }
    const uncachedCards = cached.filter((timing) => !timing.cached).length;
    if (uncachedCards > 0)
      throw new Error(`${uncachedCards} of ${SAMPLES} repeated lookups did not show the cached card first`);
    log(started, 'cached lookups');

    const totals = (timings: LookupTiming[]) => timings.map((timing) => timing.totalMs);
    const pick = (
      timings: LookupTiming[],
      field: 'toSendMs' | 'workerMs' | 'toRequestMs' | 'renderMs' | 'frameWaitMs' | 'paintMs',
    ) => defined(timings.map((timing) => timing[field]));
    const slowTotals = totals(slow.lookup);
    const coldAdded = median(totals(cold)) - median(totals(warm));
    const storageText = storage
      ? `${(storage.calls / STORAGE_PROBES).toFixed(0)} calls, ${(storage.ms / STORAGE_PROBES).toFixed(1)} ms summed ` +
        `(${Object.entries(storage.byName)
          .map(([name, count]) => `${name} ×${count / STORAGE_PROBES}`)
          .join(', ')})`
      : 'the worker could not be reached';
    const rows: Row[] = [
      row('Popup ready: navigation start → "Key hash" focused and accepting text', ready.popup, ms),
      row('↳ blank extension page with one autofocused field, same measure', ready.blank, ms),
      row('Popup ready ÷ blank page (paired)', ready.ratios, times, 1.5),
      row('↳ popup: navigation start → DOMContentLoaded (its module scripts have run)', ready.popupScripts, ms),
      row('↳ blank page: navigation start → DOMContentLoaded', ready.blankScripts, ms),
      row('↳ popup: history list shown (needs two worker replies)', ready.history, ms),
      row('Lookup, warm worker, mock answers at once: Enter → card painted', totals(warm), ms, 25),
      row('↳ Enter → lookup message sent', pick(warm, 'toSendMs'), ms),
      row('↳ message sent → mock got the GET (worker before fetch; 1 ms clock)', pick(warm, 'toRequestMs'), ms),
      row('↳ message sent → reply in the popup (whole worker round trip)', pick(warm, 'workerMs'), ms),
      single('↳ worker chrome.storage calls per lookup (counted apart)', storageText),
      row('↳ reply → card in the DOM (render)', pick(warm, 'renderMs'), ms),
      row('↳ card in the DOM → next frame begins', pick(warm, 'frameWaitMs'), ms),
      row('↳ frame begins → card painted (style, layout, paint)', pick(warm, 'paintMs'), ms),
      row(`Lookup, mock answers after ${LATENCY_MS} ms: Enter → card painted`, slowTotals, ms),
      row('↳ plain fetch of the same URL, same headers, from the popup page', slow.fetch, ms),
      row(
        'Lookup ÷ plain fetch (paired)',
        slowTotals.map((total, i) => total / (slow.fetch[i] ?? NaN)),
        times,
        1.1,
      ),
      row(
        '↳ lookup − plain fetch (paired)',
        slowTotals.map((total, i) => total - (slow.fetch[i] ?? NaN)),
        ms,
      ),
      row('↳ plain fetch, then the next frame painted', slow.fetchPainted, ms),
      row(
        '↳ lookup ÷ (plain fetch + next frame) (paired)',
        slowTotals.map((total, i) => total / (slow.fetchPainted[i] ?? NaN)),
        times,
      ),
      row('↳ message sent → reply in the popup', pick(slow.lookup, 'workerMs'), ms),
      row('↳ card in the DOM → next frame begins', pick(slow.lookup, 'frameWaitMs'), ms),
      row('↳ frame begins → card painted (style, layout, paint)', pick(slow.lookup, 'paintMs'), ms),
      row('Lookup, cold worker (stopped first): Enter → card painted', totals(cold), ms),
      single('↳ added by the cold start (median cold − median warm)', ms(coldAdded)),
      row('↳ message sent → worker script started', defined(cold.map((t) => elapsed(t.sentEpoch, t.startedEpoch))), ms),
      row(
        '↳ worker script started → mock got the GET',
        defined(cold.map((t) => elapsed(t.startedEpoch, t.requestEpoch))),
        ms,
      ),
      row('Repeated lookup, cached card (cache 60 s): Enter → card painted', totals(cached), ms, FRAME_MS),
      row('↳ Enter → lookup message sent', pick(cached, 'toSendMs'), ms),
      row('↳ message sent → cached reply in the popup', pick(cached, 'workerMs'), ms),
      row('↳ reply → card in the DOM (render)', pick(cached, 'renderMs'), ms),
      row('↳ card in the DOM → next frame begins', pick(cached, 'frameWaitMs'), ms),
      row('↳ frame begins → card painted (style, layout, paint)', pick(cached, 'paintMs'), ms),
      single(
        '↳ samples within one frame',
        `${totals(cached).filter((total) => total <= FRAME_MS).length} of ${cached.length}`,
      ),
      single(
        `Popup JS gzipped (${sizes.popupJs.files.map((file) => file.path).join(' + ')})`,
        formatKb(sizes.popupJs.gzipBytes),
        `≤ ${formatKb(POPUP_JS_BUDGET_BYTES)}`,
        sizes.popupJs.gzipBytes <= POPUP_JS_BUDGET_BYTES ? 'pass' : 'FAIL',
      ),
      single('Background JS gzipped', formatKb(sizes.backgroundJs.gzipBytes)),
      single(`Whole Chrome zip (${basename(sizes.zip.path)}, from wxt zip)`, formatKb(sizes.zip.bytes)),
      row('Popup JS heap after a lookup (after GC; CDP Runtime.getHeapUsage)', ready.heap, mb),
      row('↳ blank page, same measure', ready.blankHeap, mb),
    ];

    const failed = rows.filter((r) => r.result === 'FAIL').length;
    const passed = rows.filter((r) => r.result === 'pass').length;
    const report = [
      `# Benchmark, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
      '',
      `Chromium ${browserVersion} headless, ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ` +
        `load average ${loadAtStart.toFixed(1)} at the start and ${(loadavg()[0] ?? NaN).toFixed(1)} at the end. ` +
        `${SAMPLES} samples per timed row; spread is p25 – p75; ↳ rows break down the row above and have no budget.`,
      "Pages are tabs opened on the extension's URLs (an action popup cannot take an init script before it loads). " +
        'The cache is off (0 s) except in the "cached" rows. The mock\'s origin is granted at install, as the production API\'s is.',
      '',
      table(rows),
      '',
      `Budgets: ${passed} pass, ${failed} fail. The run took ${((Date.now() - started) / 1000).toFixed(0)} s.`,
      '',
    ].join('\n');
    console.log(`\n${report}`);
    await mkdir(OUTPUT_DIR, { recursive: true });
    await writeFile(join(OUTPUT_DIR, 'bench.md'), report);
    await writeFile(
      join(OUTPUT_DIR, 'samples.json'),
      `${JSON.stringify({ ready, warm, slow, cold, cached, storage, sizes }, null, 1)}\n`,
    );
    console.log(`Written to ${relative(process.cwd(), join(OUTPUT_DIR, 'bench.md'))} (raw samples in samples.json)`);
  } finally {
    await h?.close().catch(() => undefined);
    await api.close();
    await rm(copy.root, { recursive: true, force: true });
  }
}

/** A pause between page samples, so that one page's teardown does not land in the next one's figures. */
function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
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
