// "Look up many keys" against the mock: our bulk page paired with the reference page sending the
// same lookups through its worker (4 at once); 100 hashes behind the mock's rate limit against
// the limit's own bound; long tasks during 2,000-row runs; sort and filter of 5,000 rows in
// display frames; the progress line with two accounts; the page's JavaScript. Its own browser
// session, so that no other row's accounts or cache change these figures.
// Runs under plain `node`: erasable TypeScript only.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { MockApi } from '../../test/mock-api/server.ts';
import { measureJs, measurePopupJs } from '../lib/build-sizes.ts';
import { withExtension } from '../lib/extension-session.ts';
import { scriptsOfHtml } from '../lib/loaded-scripts.ts';
import { turnGaps, type LongFrame } from './bulk-figures.ts';
import { interleaved } from './interleave.ts';
import { measureFrameMs } from './lookup-timing.ts';
import { referenceSide } from './sides.ts';
import { takeProbe } from './worker-probe.ts';
import { workerOf } from './worker.ts';
import { allSteps, type WorkerSteps } from './worker-steps.ts';
import { REFERENCE_CONCURRENCY } from './reference/messages.ts';

/** The paced runs: this many hashes, the mock answering each after PACED_LATENCY_MS. */
export const PACED_HASHES = 400;
export const PACED_LATENCY_MS = 25;
/** The rate-limited runs: this many hashes, the mock allowing RATE_PER_SECOND answers a second. */
export const LIMITED_HASHES = 100;
export const RATE_PER_SECOND = 20;
export const LONG_TASK_ROWS = 2000;
/** Long-task runs: each one a count of its own; the row shows the worst. */
const LONG_TASK_RUNS = 3;
export const TABLE_ROWS = 5000;
/** Hashes for the progress line with two accounts (issue 21: 11 hashes showed "22 of 22"). */
export const PROGRESS_HASHES = 11;

export interface BulkRunTiming {
  /** Click on "Look up all" → the last answer painted, in the page's clock. */
  wallMs: number;
  /** The mock's log: each request's arrival after the answer whose turn it took (bulk-figures.ts). */
  turnGapsMs: number[];
  /** The worker's handling of each lookup message of the run. */
  worker: WorkerSteps[];
}

export interface FrameTiming {
  /** Click → painted, ms. */
  ms: number;
  /** In which display frame after the click's own it was painted. */
  frames: number;
}

export interface BulkBench {
  /** PACED_HASHES at PACED_LATENCY_MS, 4 at once: ours and the reference's, paired. */
  paced: { ours: BulkRunTiming[]; reference: BulkRunTiming[] };
  /** LIMITED_HASHES behind RATE_PER_SECOND: wall ms, the 429s, and the rows found, per run. */
  limited: { wallMs: number[]; tooMany: number[]; found: number[] };
  /**
   * Long tasks (> 50 ms) in each LONG_TASK_ROWS run, every long task's duration, every frame over
   * 50 ms in parts, and, per run, the ms from a paste of as many lines to its frame painted.
   */
  longTasks: { perRun: number[]; durationsMs: number[]; frames: LongFrame[]; pasteMs: number[] };
  sort: FrameTiming[];
  filter: FrameTiming[];
  /** With two accounts and PROGRESS_HASHES hashes, what the progress line says at the end. */
  progress: { hashes: number; accounts: number; line: string } | null;
  frameMs: number;
  browserVersion: string;
  js: { gzipBytes: number; sharedWithPopupGzipBytes: number; files: string[] };
}

/** Distinct hashes per run (the tag makes each run's own), each well-formed. */
export const hashes = (count: number, tag: string) =>
  Array.from({ length: count }, (_, i) => `${tag}${i.toString(16).padStart(5, '0')}`.padEnd(64, 'e'));

/**
 * Puts the hashes in the page's field as a paste does: the whole text at once, in one input event.
 * `untilPainted`: waits for the frame that lays the text out and gives the ms from the paste to it.
 */
async function paste(page: Page, list: string[], untilPainted = false): Promise<number> {
  // (Playwright's fill() types into Chromium's editor, which takes minutes for 5,000 lines on this
  // machine: not what a user meets.)
  return page.getByRole('textbox', { name: 'Hashes or text containing them' }).evaluate(
    (field, { text, untilPainted }) =>
      new Promise<number>((resolve) => {
        const area = field as HTMLTextAreaElement;
        const start = performance.now();
        Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')?.set?.call(area, text);
        area.dispatchEvent(new Event('input', { bubbles: true }));
        if (!untilPainted) resolve(0);
        else requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - start), 0));
      }),
    { text: list.join('\n'), untilPainted },
  );
}

/**
 * Clicks "Look up all" in the page and gives the ms, in the page's own clock, until the run is
 * over and painted: the DOM says so (ours: this run's first hash leads the table, no Cancel, the
 * line counts all; the reference: its line counts all), then a frame and the task after it. The
 * DOM is polled every 10 ms, as Playwright's own waits poll: a MutationObserver on the whole page
 * would itself slow every render of a table of thousands of rows.
 */
function clickAndTime(page: Page, kind: 'ours' | 'reference', list: string[]): Promise<number> {
  return page.evaluate(
    ({ kind, count, first }) =>
      new Promise<number>((resolve, reject) => {
        const total = count.toLocaleString('en-US');
        const over =
          kind === 'ours'
            ? () =>
                document.querySelector('.bulk-table tbody code')?.getAttribute('title') === first &&
                !Array.from(document.querySelectorAll('button')).some((b) => b.textContent === 'Cancel') &&
                (document.querySelector('.bulk-progress__line')?.textContent ?? '').startsWith(`${total} of ${total}`)
            : () => document.getElementById('progress')?.textContent === `${count} of ${count}`;
        const button = Array.from(document.querySelectorAll('button')).find((b) => b.textContent === 'Look up all');
        if (!button) return reject(new Error('No "Look up all" button'));
        const limit = setTimeout(() => reject(new Error('The run did not end within 5 minutes')), 300_000);
        const start = performance.now();
        const poll = setInterval(() => {
          if (!over()) return;
          clearInterval(poll);
          requestAnimationFrame(() =>
            setTimeout(() => {
              clearTimeout(limit);
              resolve(performance.now() - start);
              performance.mark('bench:painted');
            }, 0),
          );
        }, 10);
        performance.mark('bench:click');
        button.click();
      }),
    { kind, count: list.length, first: list[0] ?? '' },
  );
}

interface ObservedLong {
  tasks: number[];
  frames: LongFrame[];
}

/**
 * Run in the page: records every long task's duration and every long animation frame's parts in
 * `globalThis.benchLong` from now on. Sent as text: it must not refer to anything outside itself.
 */
function observeLongTasks(): void {
  const seen: ObservedLong = { tasks: [], frames: [] };
  new PerformanceObserver((list) => seen.tasks.push(...list.getEntries().map((e) => e.duration))).observe({
    type: 'longtask',
  });
  type AnimationFrame = PerformanceEntry & { renderStart: number; scripts: { duration: number }[] };
  new PerformanceObserver((list) =>
    seen.frames.push(
      ...(list.getEntries() as AnimationFrame[]).map((frame) => ({
        ms: frame.duration,
        scriptMs: frame.scripts.reduce((sum, script) => sum + script.duration, 0),
        renderMs: frame.renderStart > 0 ? frame.startTime + frame.duration - frame.renderStart : 0,
      })),
    ),
  ).observe({ type: 'long-animation-frame' });
  (globalThis as unknown as { benchLong: ObservedLong }).benchLong = seen;
}

/** One run in `page`, with the mock's log and the worker's records of it. */
export async function timedRun(
  page: Page,
  kind: 'ours' | 'reference',
  list: string[],
  api: MockApi,
  worker: () => ReturnType<typeof workerOf>,
): Promise<BulkRunTiming> {
  // A tab behind another gets a few frames a second: the page measured is the one in front.
  await page.bringToFront();
  await paste(page, list);
  await takeProbe(worker());
  const before = api.requests.length;
  const wallMs = await clickAndTime(page, kind, list);
  const arrivals = api.requests
    .slice(before)
    .filter((r) => r.method === 'GET')
    .map((r) => r.at);
  const probe = await takeProbe(worker());
  return {
    wallMs,
    turnGapsMs: turnGaps(arrivals, REFERENCE_CONCURRENCY, api.latencyMs),
    worker: allSteps(probe, kind === 'ours' ? 'lookupInAccount' : 'lookup'),
  };
}

/**
 * Clicks the button named `name` at phase `sample` of a frame and gives the ms and the display
 * frames until the change is painted: the first frame whose start finds the button's state changed
 * (its own `aria-pressed`, or its column's `aria-sort`), then the task after that frame. The page
 * draws a sort or a filter in one render with the table, so the button's state stands for it.
 */
export function clickToPaint(page: Page, name: string, sample: number, frameMs: number): Promise<FrameTiming> {
  const phaseMs = ((sample * 0.618034) % 1) * frameMs;
  return page.evaluate(
    ({ name, phaseMs, frameMs }) =>
      new Promise<FrameTiming>((resolve, reject) => {
        const button = Array.from(document.querySelectorAll('button')).find((b) => b.textContent?.trim() === name);
        if (!button) return reject(new Error(`No button "${name}"`));
        const state = () => `${button.getAttribute('aria-pressed')}|${button.closest('th')?.getAttribute('aria-sort')}`;
        const before = state();
        requestAnimationFrame((gridAt) =>
          setTimeout(() => {
            const start = performance.now();
            const painted = () =>
              setTimeout(() => {
                const paintedAt = performance.now();
                performance.mark('bench:painted');
                const frameOf = (at: number) => Math.floor((at - gridAt) / frameMs);
                resolve({ ms: paintedAt - start, frames: frameOf(paintedAt) - frameOf(start) });
              }, 0);
            const check = () => (state() === before ? requestAnimationFrame(check) : painted());
            performance.mark('bench:click');
            button.click();
            requestAnimationFrame(check);
          }, phaseMs),
        );
      }),
    { name, phaseMs, frameMs },
  );
}

export async function measureBulk(
  dirs: { extensionDir: string; referenceDir: string },
  buildDir: string,
  samples: number,
  log: (what: string) => void,
): Promise<BulkBench> {
  const bench = await withExtension(
    { extensionDir: dirs.extensionDir, alsoLoad: [dirs.referenceDir], viewport: { width: 1280, height: 800 } },
    async ({ h, api }) => {
      api.generatedKeys = true;
      const page = await h.openPage('bulk.html');
      const reference = await referenceSide(h, api, '');
      const ourWorker = () => workerOf(h.context, h.extensionId);
      const frameMs = await measureFrameMs(page);

      api.latencyMs = PACED_LATENCY_MS;
      // One untimed run each: the pages' code and the workers warm.
      await timedRun(page, 'ours', hashes(20, 'f0'), api, ourWorker);
      await timedRun(reference.page, 'reference', hashes(20, 'f1'), api, reference.worker);
      const paced = await interleaved(
        samples,
        (i) => timedRun(page, 'ours', hashes(PACED_HASHES, `a${i.toString(16)}`), api, ourWorker),
        (i) => timedRun(reference.page, 'reference', hashes(PACED_HASHES, `b${i.toString(16)}`), api, reference.worker),
      );
      log('bulk: paced runs');

      api.latencyMs = 0;
      const limited = { wallMs: [] as number[], tooMany: [] as number[], found: [] as number[] };
      for (let i = 0; i < samples; i++) {
        // A second with no requests: the mock's window starts empty for every run.
        await new Promise((resolve) => setTimeout(resolve, 1000));
        api.clearRequests();
        api.ratePerSecond = RATE_PER_SECOND;
        limited.wallMs.push(
          (await timedRun(page, 'ours', hashes(LIMITED_HASHES, `c${i.toString(16)}`), api, ourWorker)).wallMs,
        );
        api.ratePerSecond = undefined;
        const gets = api.requests.filter((r) => r.method === 'GET' && r.url.startsWith('/api/v1/keys/'));
        // Every hash is asked until answered, and the mock answers all but 429 with a key.
        limited.tooMany.push(gets.length - LIMITED_HASHES);
        const text = await page.locator('.bulk-filter', { hasText: 'Active' }).innerText();
        limited.found.push(Number(/(\d[\d,]*)$/.exec(text)?.[1]?.replace(/,/g, '')));
      }
      log('bulk: rate-limited runs');

      const longTasks: BulkBench['longTasks'] = { perRun: [], durationsMs: [], frames: [], pasteMs: [] };
      for (let i = 0; i < LONG_TASK_RUNS; i++) {
        // The browser's own share: a paste of as many lines, untimed, before the run (which pastes its own).
        await page.bringToFront();
        longTasks.pasteMs.push(await paste(page, hashes(LONG_TASK_ROWS, `p${i}`), true));
        await page.evaluate(observeLongTasks);
        await timedRun(page, 'ours', hashes(LONG_TASK_ROWS, `d${i}`), api, ourWorker);
        const seen = await page.evaluate(() => (globalThis as unknown as { benchLong: ObservedLong }).benchLong);
        longTasks.perRun.push(seen.tasks.filter((d) => d > 50).length);
        longTasks.durationsMs.push(...seen.tasks);
        longTasks.frames.push(...seen.frames);
      }
      log('bulk: long tasks');

      await timedRun(page, 'ours', hashes(TABLE_ROWS, 'e0'), api, ourWorker);
      await page.bringToFront();
      const sort: FrameTiming[] = [];
      const filter: FrameTiming[] = [];
      for (let i = 0; i < samples; i++) sort.push(await clickToPaint(page, i % 2 ? 'Name' : 'Expiry', i, frameMs));
      const all = `All ${TABLE_ROWS.toLocaleString('en-US')}`;
      const active = `Active ${TABLE_ROWS.toLocaleString('en-US')}`;
      for (let i = 0; i < samples; i++) filter.push(await clickToPaint(page, i % 2 ? all : active, i, frameMs));
      log('bulk: sort and filter');
      const browserVersion = h.context.browser()?.version() ?? 'unknown';
      return { paced, limited, longTasks, sort, filter, frameMs, browserVersion };
    },
  );
  const progress = await measureProgressLine(dirs.extensionDir).catch((error: unknown) => {
    log(`bulk: the progress line with two accounts could not be read: ${String(error)}`);
    return null;
  });
  return { ...bench, progress, js: await bulkJs(buildDir) };
}

/** Two accounts (each a mock of its own), PROGRESS_HASHES hashes: the progress line at the end. */
async function measureProgressLine(extensionDir: string): Promise<BulkBench['progress']> {
  return withExtension(
    { extensionDir, twoAccounts: true, viewport: { width: 1280, height: 800 } },
    async ({ h, apis }) => {
      for (const api of apis) api.generatedKeys = true;
      const page = await h.openPage('bulk.html');
      await paste(page, hashes(PROGRESS_HASHES, 'f9'));
      await page.getByRole('button', { name: 'Look up all' }).click();
      await page.waitForFunction(
        () =>
          !Array.from(document.querySelectorAll('button')).some((b) => b.textContent === 'Cancel') &&
          /^([\d,]+) of \1\b/.test(document.querySelector('.bulk-progress__line')?.textContent ?? ''),
        undefined,
        { timeout: 60_000 },
      );
      const line = (await page.locator('.bulk-progress__line').innerText()).trim();
      return { hashes: PROGRESS_HASHES, accounts: apis.length, line };
    },
  );
}

async function bulkJs(buildDir: string): Promise<BulkBench['js']> {
  const html = await readFile(join(buildDir, 'bulk.html'), 'utf8');
  const bulkJs = await measureJs(buildDir, scriptsOfHtml(html, 'bulk.html'));
  const popupJs = await measurePopupJs(buildDir);
  const popupFiles = new Set(popupJs.files.map((f) => f.path));
  const shared = bulkJs.files.filter((f) => popupFiles.has(f.path));
  return {
    gzipBytes: bulkJs.gzipBytes,
    sharedWithPopupGzipBytes: shared.reduce((sum, f) => sum + f.gzipBytes, 0),
    files: bulkJs.files.map((f) => f.path),
  };
}
