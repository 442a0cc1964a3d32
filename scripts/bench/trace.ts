// `npm run bench:trace`: where the time of each measured moment goes, thread by thread, from
// Chromium traces (CDP tracing: every process and thread, our extension and the reference side by
// side). For each scenario it traces a few samples, cuts the trace at the bench's user-timing
// marks (instrument.ts, bulk.ts), and prints per thread the mean busy time per sample and the
// kinds of work in it (self time per trace event name). Written to bench-output/trace.md.
// Not timed for verdicts: tracing itself slows everything; read its shares, not its totals.
// Runs under plain `node`: erasable TypeScript only.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { SAMPLE_HASHES } from '../../test/mock-api/samples.ts';
import { lookUp, saveOptions, withExtension, type ExtensionHarness } from '../lib/extension-session.ts';
import { PROJECT_ROOT } from '../lib/paths.ts';
import { runScript } from '../lib/run-script.ts';
import { benchCopy, type BenchCopy } from './bench-copy.ts';
import { clickToPaint, hashes, PACED_HASHES, PACED_LATENCY_MS, timedRun } from './bulk.ts';
import { instrument } from './instrument.ts';
import { measureFrameMs, timedLookup, type Side } from './lookup-timing.ts';
import { ourSide, referenceSide } from './sides.ts';
import { stopWorker, workerOf } from './worker.ts';
import {
  busyMs,
  byKind,
  marks,
  meanTimes,
  selfTimes,
  threadNames,
  topSelf,
  type TraceEvent,
  type Window,
} from './trace-threads.ts';

const SAMPLES = Math.max(2, Number(process.env.TRACE_SAMPLES ?? 8) || 8);
const HASH = SAMPLE_HASHES.active;
/** What the traces record: tasks, the timeline's kinds of work, script compiling, our marks. */
const CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'blink.user_timing',
  '__metadata',
];
/** Lighter, for the long bulk runs. */
const BULK_CATEGORIES = ['toplevel', 'devtools.timeline', 'blink.user_timing', '__metadata'];

/** Sizes of the traces taken, for the report. */
const traceBytes: number[] = [];

/** Runs `run` under tracing and gives the trace's events. */
async function traced(
  browser: Browser,
  page: Page,
  categories: string[],
  run: () => Promise<void>,
): Promise<TraceEvent[]> {
  await browser.startTracing(page, { categories });
  const ran = run().then(
    () => undefined,
    (error: unknown) => ({ error }),
  );
  const failed = await ran;
  const buffer = await browser.stopTracing();
  if (failed) throw failed.error;
  traceBytes.push(buffer.length);
  return (JSON.parse(buffer.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
}

/** Windows between each `from` mark and the next `to` mark on the same thread. */
function windowsOf(
  events: TraceEvent[],
  from: string,
  to: string,
): { thread: { pid: number; tid: number }; window: Window }[] {
  const ends = marks(events, to);
  return marks(events, from).flatMap((start) => {
    const end = ends.find((e) => e.pid === start.pid && e.tid === start.tid && e.ts > start.ts);
    return end ? [{ thread: { pid: start.pid, tid: start.tid }, window: { from: start.ts, to: end.ts } }] : [];
  });
}

/** Per thread: mean busy ms per window and the top kinds of work, the threads busiest first. */
function report(
  title: string,
  events: TraceEvent[],
  windows: Window[],
  labelOf: (pid: number, tid: number) => string,
): string {
  const lines = [
    `### ${title} (${windows.length} samples; mean per sample)`,
    '',
    '| Thread | Busy ms | By kind of work (ms) | Largest trace events, self time (ms) |',
    '| --- | ---: | --- | --- |',
  ];
  const rows = threadNames(events).map((thread) => {
    const busy = windows.map((window) => busyMs(events, thread, window));
    const self = meanTimes(windows.map((window) => selfTimes(events, thread, window)));
    return { thread, busy: busy.reduce((a, b) => a + b, 0) / Math.max(1, windows.length), self };
  });
  for (const { thread, busy, self } of rows.filter((r) => r.busy >= 0.3).sort((a, b) => b.busy - a.busy)) {
    lines.push(
      `| ${labelOf(thread.pid, thread.tid)} | ${busy.toFixed(1)} | ${topSelf(byKind(self), 7)} | ${topSelf(self, 5)} |`,
    );
  }
  return lines.join('\n');
}

/** Names the page's and the worker's threads "ours"/"reference" by the pages' mark threads. */
function labeller(events: TraceEvent[], sides: Record<string, { pid: number; tid: number } | undefined>) {
  const names = new Map(threadNames(events).map((t) => [`${t.pid}:${t.tid}`, t.label]));
  return (pid: number, tid: number) => {
    const label = names.get(`${pid}:${tid}`) ?? `${pid}:${tid}`;
    const side = Object.entries(sides).find(([, main]) => main?.pid === pid);
    return side ? `${side[0]}: ${label}${side[1]?.tid === tid ? ' (the page)' : ''}` : label;
  };
}

async function lookupScenarios(copy: BenchCopy, out: string[]): Promise<void> {
  await withExtension({ extensionDir: copy.extensionDir, alsoLoad: [copy.referenceDir] }, async ({ h, api }) => {
    const browser = h.context.browser();
    if (!browser) throw new Error('No browser to trace');
    await saveOptions(h, { cacheSeconds: 0 });
    await h.context.addInitScript(instrument);
    const popup = await h.openPage('popup.html');
    await lookUp(popup, HASH);
    const ours = await ourSide(h, popup, HASH);
    const reference = await referenceSide(h, api, HASH);
    const sides = [ours, reference];
    for (const side of sides) await timedLookup(side);

    const warm = await traced(browser, ours.page, CATEGORIES, async () => {
      for (let i = 0; i < SAMPLES; i++) for (const side of sides) await timedLookup(side, i);
    });
    out.push(...sideReports('Warm lookup, mock answers at once: Enter → card painted', warm, sides));

    api.latencyMs = 100;
    const slow = await traced(browser, ours.page, CATEGORIES, async () => {
      for (let i = 0; i < SAMPLES; i++) for (const side of sides) await timedLookup(side, i);
    });
    api.latencyMs = 0;
    out.push(...sideReports('Lookup, mock answers after 100 ms: Enter → card painted', slow, sides));

    const cold = await traced(browser, ours.page, CATEGORIES, async () => {
      for (let i = 0; i < Math.min(SAMPLES, 6); i++)
        for (const side of sides) {
          await stopWorker(side.page, side.extensionId);
          await timedLookup(side, i);
        }
    });
    out.push(...sideReports('Cold worker lookup: Enter → card painted', cold, sides));

    await saveOptions(h, { cacheSeconds: 60 });
    await timedLookup(ours);
    const cached = await traced(browser, ours.page, CATEGORIES, async () => {
      for (let i = 0; i < SAMPLES; i++) {
        await timedLookup(ours, i);
        await ours.page.waitForFunction(
          () => !(document.querySelector('.popup-result')?.textContent ?? '').includes('Refreshing…'),
        );
      }
    });
    out.push(...sideReports('Cached repeat: Enter → card painted', cached, [ours]));
    await saveOptions(h, { cacheSeconds: 0 });

    out.push(await readyScenario(h, browser));
  });
}

function sideReports(title: string, events: TraceEvent[], sides: Side[]): string[] {
  const windows = windowsOf(events, 'bench:enter', 'bench:painted');
  // Each side's page is a thread of its own: its windows are those of its marks.
  const byThread = new Map<string, { pid: number; tid: number }>();
  for (const { thread } of windows) byThread.set(`${thread.pid}:${thread.tid}`, thread);
  const mains = [...byThread.values()];
  const named: Record<string, { pid: number; tid: number } | undefined> = {};
  // The order of the first windows follows the order the sides were measured in.
  mains.forEach((main, index) => (named[sides[index]?.name ?? `page ${index}`] = main));
  const label = labeller(events, named);
  return Object.entries(named).map(([name, main]) =>
    report(
      `${title}: ${name}`,
      events,
      windows.filter((w) => w.thread.pid === main?.pid && w.thread.tid === main.tid).map((w) => w.window),
      label,
    ),
  );
}

/** Popup and blank page opened in turn: navigation start → "Key hash" takes text. */
async function readyScenario(h: ExtensionHarness, browser: Browser): Promise<string> {
  const readyAts: { path: string; readyAt: number }[] = [];
  const anchor = await h.openPage('blank.html');
  const events = await traced(browser, anchor, CATEGORIES, async () => {
    for (let i = 0; i < SAMPLES; i++)
      for (const path of ['blank.html', 'popup.html']) {
        const page = await h.context.newPage();
        await page.goto(new URL(path, h.popupUrl).href);
        await page.waitForFunction(
          () => (window as unknown as { __bench: { readyAt: number | null } }).__bench.readyAt !== null,
        );
        readyAts.push({
          path,
          readyAt: await page.evaluate(() => (window as unknown as { __bench: { readyAt: number } }).__bench.readyAt),
        });
        await page.close();
      }
  });
  const ready = marks(events, 'bench:ready').sort((a, b) => a.ts - b.ts);
  const windows = ready.map((mark, i) => ({
    path: readyAts[i]?.path ?? '',
    thread: { pid: mark.pid, tid: mark.tid },
    window: { from: mark.ts - (readyAts[i]?.readyAt ?? 0) * 1000, to: mark.ts },
  }));
  const label = labeller(events, {});
  return ['blank.html', 'popup.html']
    .map((path) =>
      report(
        `Page opened → "Key hash" takes text: ${path}`,
        events,
        windows.filter((w) => w.path === path).map((w) => w.window),
        label,
      ),
    )
    .join('\n\n');
}

async function bulkScenarios(copy: BenchCopy, out: string[]): Promise<void> {
  await withExtension(
    { extensionDir: copy.extensionDir, alsoLoad: [copy.referenceDir], viewport: { width: 1280, height: 800 } },
    async ({ h, api }) => {
      const browser = h.context.browser();
      if (!browser) throw new Error('No browser to trace');
      api.generatedKeys = true;
      const page = await h.openPage('bulk.html');
      const reference = await referenceSide(h, api, '');
      const ourWorker = () => workerOf(h.context, h.extensionId);
      api.latencyMs = PACED_LATENCY_MS;
      await timedRun(page, 'ours', hashes(20, 'f0'), api, ourWorker);
      await timedRun(reference.page, 'reference', hashes(20, 'f1'), api, reference.worker);
      const runs = 3;
      const paced = await traced(browser, page, BULK_CATEGORIES, async () => {
        for (let i = 0; i < runs; i++) {
          await timedRun(page, 'ours', hashes(PACED_HASHES, `a${i}`), api, ourWorker);
          await timedRun(reference.page, 'reference', hashes(PACED_HASHES, `b${i}`), api, reference.worker);
        }
      });
      const windows = windowsOf(paced, 'bench:click', 'bench:painted');
      const [oursMain, referenceMain] = [windows[0]?.thread, windows[1]?.thread];
      const label = labeller(paced, { ours: oursMain, reference: referenceMain });
      for (const [name, main] of [
        ['ours', oursMain],
        ['reference', referenceMain],
      ] as const)
        out.push(
          report(
            `Bulk, ${PACED_HASHES} hashes, mock ${PACED_LATENCY_MS} ms: ${name}, click → last answer painted`,
            paced,
            windows.filter((w) => w.thread.tid === main?.tid && w.thread.pid === main.pid).map((w) => w.window),
            label,
          ),
        );

      api.latencyMs = 0;
      const long = await traced(browser, page, BULK_CATEGORIES, async () => {
        await timedRun(page, 'ours', hashes(2000, 'd0'), api, ourWorker);
      });
      out.push(longTaskReport(long));

      await timedRun(page, 'ours', hashes(5000, 'e0'), api, ourWorker);
      await page.bringToFront();
      const frameMs = await measureFrameMs(page);
      const sorts = await traced(browser, page, CATEGORIES, async () => {
        for (let i = 0; i < Math.min(SAMPLES, 6); i++) await clickToPaint(page, i % 2 ? 'Name' : 'Expiry', i, frameMs);
      });
      const sortWindows = windowsOf(sorts, 'bench:click', 'bench:painted');
      out.push(
        report(
          'Sort 5,000 rows: click → painted',
          sorts,
          sortWindows.map((w) => w.window),
          labeller(sorts, { ours: sortWindows[0]?.thread }),
        ),
      );
      const filters = await traced(browser, page, CATEGORIES, async () => {
        for (let i = 0; i < Math.min(SAMPLES, 6); i++)
          await clickToPaint(page, i % 2 ? 'All 5,000' : 'Active 5,000', i, frameMs);
      });
      const filterWindows = windowsOf(filters, 'bench:click', 'bench:painted');
      out.push(
        report(
          'Filter 5,000 rows: click → painted',
          filters,
          filterWindows.map((w) => w.window),
          labeller(filters, { ours: filterWindows[0]?.thread }),
        ),
      );
    },
  );
}

/** The bulk page's tasks over 50 ms during a 2,000-row run, each with its kinds of work. */
function longTaskReport(events: TraceEvent[]): string {
  const [window] = windowsOf(events, 'bench:click', 'bench:painted');
  if (!window) return '### Long tasks: no run found in the trace';
  const tasks = events.filter(
    (e) =>
      e.pid === window.thread.pid &&
      e.tid === window.thread.tid &&
      e.ph === 'X' &&
      /RunTask$/.test(e.name) &&
      (e.dur ?? 0) > 50_000 &&
      e.ts >= window.window.from &&
      e.ts <= window.window.to,
  );
  const lines = [
    `### Long tasks (> 50 ms) on the bulk page during a 2,000-row run: ${tasks.length}`,
    '',
    '| At (ms into the run) | Task ms | Self time by kind of work (ms) |',
    '| ---: | ---: | --- |',
  ];
  for (const task of tasks) {
    const self = selfTimes(events, window.thread, { from: task.ts, to: task.ts + (task.dur ?? 0) });
    lines.push(
      `| ${((task.ts - window.window.from) / 1000).toFixed(0)} | ${((task.dur ?? 0) / 1000).toFixed(1)} | ${topSelf(self, 8)} |`,
    );
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const out: string[] = [
    `# Where the time goes: traces, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    '',
  ];
  out.push(
    `Load average ${loadavg()[0]?.toFixed(1)} at the start. Tracing slows every thread; compare shares and sides, not totals with the bench.`,
    '',
  );
  const copy = await benchCopy();
  try {
    const only = process.env.TRACE_ONLY ?? '';
    if (only === '' || only === 'lookups') await lookupScenarios(copy, out);
    if (only === '' || only === 'bulk') await bulkScenarios(copy, out);
  } finally {
    await rm(copy.root, { recursive: true, force: true });
  }
  out.push('', `Load average ${loadavg()[0]?.toFixed(1)} at the end. Trace sizes (bytes): ${traceBytes.join(', ')}.`);
  const text = out.join('\n\n');
  console.log(text);
  await mkdir(join(PROJECT_ROOT, 'bench-output'), { recursive: true });
  await writeFile(join(PROJECT_ROOT, 'bench-output', 'trace.md'), `${text}\n`);
}

runScript(main, { stack: true });
