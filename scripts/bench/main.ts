// `npm run bench`: how fast the built extension is where a person notices, in Debian's Chromium
// (headless) against the local mock API, each figure against a floor that does the same work in
// the same run: a blank extension page, the reference extension (scripts/bench/reference/: a
// worker that fetches, a page that renders the same card with the same CSS) loaded beside ours,
// or the mock's own bound. Prints one markdown table (also written to bench-output/bench.md):
// medians with the spread p25–p75 over BENCH_SAMPLES (default 40) samples per row, each against
// issue 21's goal where it has one. Exits 0 whatever the figures; a FAIL is for a person to read,
// not a gate. BENCH_ONLY=ready,lookups,bulk runs only those groups (to rerun rows after a noisy
// stretch). Runs under plain `node`: erasable TypeScript only.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join, relative } from 'node:path';
import { SAMPLE_HASHES } from '../../test/mock-api/samples.ts';
import { chromeZipPath, measureBuild, measureJs } from '../lib/build-sizes.ts';
import { lookUp, saveOptions, withExtension } from '../lib/extension-session.ts';
import { scriptsOfHtml } from '../lib/loaded-scripts.ts';
import { CHROME_BUILD_DIR, PROJECT_ROOT } from '../lib/paths.ts';
import { runScript } from '../lib/run-script.ts';
import { measureAccounts } from './accounts.ts';
import { benchCopy, FLOOR_CARRIES, type BenchCopy } from './bench-copy.ts';
import { measureBulk } from './bulk.ts';
import { instrument } from './instrument.ts';
import { measureCached, measureCold, measureWarm, measureWithLatency, type LookupBench } from './lookups.ts';
import { measureOmnibox } from './omnibox.ts';
import { measurePopupReady } from './popup-ready.ts';
import { REFERENCE_PAGE } from './reference/messages.ts';
import type { LookupResults } from './rows-lookups.ts';
import { benchRows, type BenchResults } from './rows.ts';
import { ourSide, referenceListUrl, referenceSide } from './sides.ts';
import { table } from './table.ts';

/** Issue 21: at least this many samples a row for a run whose verdicts count. */
const FULL_SAMPLES = 40;
const SAMPLES = Math.max(3, Number(process.env.BENCH_SAMPLES ?? FULL_SAMPLES) || FULL_SAMPLES);
const GROUPS = ['ready', 'lookups', 'bulk'] as const;
type Group = (typeof GROUPS)[number];
const ONLY = (process.env.BENCH_ONLY ?? '').split(',').filter(Boolean);
const OUTPUT_DIR = join(PROJECT_ROOT, 'bench-output');
const HASH = SAMPLE_HASHES.active;

const load = () => loadavg()[0] ?? NaN;

async function main(): Promise<void> {
  const unknown = ONLY.filter((group) => !(GROUPS as readonly string[]).includes(group));
  if (unknown.length > 0)
    throw new Error(`BENCH_ONLY names ${unknown.join(', ')}; the groups are ${GROUPS.join(', ')}`);
  const runs = (group: Group) => ONLY.length === 0 || ONLY.includes(group);
  const started = Date.now();
  const loads: string[] = [];
  const log = (what: string) => {
    loads.push(`${what}: ${load().toFixed(1)}`);
    console.log(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${what} (load average ${load().toFixed(1)})`);
  };
  // Other work on the machine moves every figure here; the load average lets a reader judge a run.
  const loadAtStart = load();
  log('start');
  const sizes = await measureBuild(CHROME_BUILD_DIR, await chromeZipPath(PROJECT_ROOT));
  const copy = await benchCopy();
  try {
    const results: BenchResults = {
      sizes,
      referenceJs: await measureJs(copy.referenceDir, await referencePageScripts(copy)),
    };
    let browserVersion = 'unknown';
    if (runs('ready') || runs('lookups')) {
      await withExtension(
        { extensionDir: copy.extensionDir, alsoLoad: [copy.referenceDir, copy.floorDir] },
        async ({ h, api }) => {
          browserVersion = h.context.browser()?.version() ?? 'unknown';
          await saveOptions(h, { cacheSeconds: 0 });
          await h.context.addInitScript(instrument);
          // Warm-up: the worker has run a lookup and there is history for the popup to load.
          const popup = await h.openPage('popup.html');
          await lookUp(popup, HASH);
          await lookUp(popup, HASH);
          log('warmed up');
          if (runs('ready')) {
            results.ready = await measurePopupReady(h, SAMPLES, HASH, await referenceListUrl(h, HASH));
            log('popup ready');
          }
          if (runs('lookups')) {
            const bench: LookupBench = {
              h,
              api,
              samples: SAMPLES,
              hash: HASH,
              ours: await ourSide(h, popup, HASH),
              reference: await referenceSide(h, api, HASH),
              floor: await referenceSide(h, api, HASH, 'floor'),
            };
            results.lookups = await measureLookups(bench, log);
          }
        },
      );
    }
    // The bulk page's runs last: they load the machine for minutes (two browsers' worth of
    // requests and rows), and the rows above measure a few milliseconds each, so they run first,
    // on the machine as quiet as the run found it.
    if (runs('bulk')) {
      results.bulk = await measureBulk(copy, CHROME_BUILD_DIR, SAMPLES, log);
      browserVersion = results.bulk.browserVersion;
    }
    await writeReport(results, { browserVersion, loadAtStart, started, loads });
  } finally {
    await rm(copy.root, { recursive: true, force: true });
  }
}

async function measureLookups(bench: LookupBench, log: (what: string) => void): Promise<LookupResults> {
  const warm = await measureWarm(bench);
  log('warm lookups');
  const slow = await measureWithLatency(bench);
  log('lookups with latency');
  const cold = await measureCold(bench);
  log('cold lookups');
  const cached = await measureCached(bench);
  log('cached lookups');
  const omnibox = await measureOmnibox(bench);
  log('omnibox suggestions');
  // Last: it leaves the extension with three accounts.
  await saveOptions(bench.h, { cacheSeconds: 0 });
  const accounts = await measureAccounts(bench);
  log('lookups across accounts');
  return { warm, slow, cold, cached, omnibox, accounts };
}

async function referencePageScripts(copy: BenchCopy): Promise<string[]> {
  return scriptsOfHtml(await readFile(join(copy.referenceDir, REFERENCE_PAGE), 'utf8'), REFERENCE_PAGE);
}

async function writeReport(
  results: BenchResults,
  run: { browserVersion: string; loadAtStart: number; started: number; loads: string[] },
): Promise<void> {
  const rows = benchRows(results);
  const failed = rows.filter((r) => r.verdict === 'FAIL').length;
  const passed = rows.filter((r) => r.verdict === 'pass').length;
  const trial = SAMPLES < FULL_SAMPLES ? ` (fewer than issue 21's ${FULL_SAMPLES}: a trial run, not a verdict)` : '';
  const report = [
    `# Benchmark, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `Chromium ${run.browserVersion} headless, ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ` +
      `load average ${run.loadAtStart.toFixed(1)} at the start and ${load().toFixed(1)} at the end ` +
      `(along the way: ${run.loads.join('; ')}). ` +
      `${SAMPLES} samples per timed row${trial}, paired measures interleaved (the order alternating); ` +
      'spread is p25 – p75; a paired row\'s verdict is the median of its paired ratios; "X vs Y" is ours vs the floor; ' +
      '↳ rows break down the row above and have no goal.' +
      (ONLY.length > 0 ? ` Only ${ONLY.join(', ')} measured (BENCH_ONLY).` : ''),
    'The reference is a minimal MV3 extension built by the bench (scripts/bench/reference/), loaded beside ours in the same ' +
      'browser: its worker answers one message with a fetch of the same URL with the same headers, its page renders the ' +
      "same card component with the same CSS. Pages are tabs opened on the extensions' URLs (an action popup cannot take " +
      "an init script before it loads). Worker steps come from a probe put around both workers' scripts in the bench's " +
      'copies only. The cache is off (0 s) except in the "cached" rows. The mock\'s origin is granted at install to both. ' +
      "The cold rows' floor is a copy of the reference whose worker also carries our worker's whole script, in a function " +
      'never called, and registers the listeners ours registers as it starts (scripts/bench/reference/carrying.ts): what ' +
      'any worker with our features pays when a lookup wakes it.' +
      (FLOOR_CARRIES === 'listeners'
        ? ' In this run (BENCH_FLOOR=listeners) it carries none of our script: only the listeners.'
        : ''),
    '',
    table(rows),
    '',
    `Goals: ${passed} pass, ${failed} fail. The run took ${((Date.now() - run.started) / 1000).toFixed(0)} s.`,
    '',
  ].join('\n');
  console.log(`\n${report}`);
  await mkdir(OUTPUT_DIR, { recursive: true });
  await writeFile(join(OUTPUT_DIR, 'bench.md'), report);
  await writeFile(join(OUTPUT_DIR, 'samples.json'), `${JSON.stringify(results, null, 1)}\n`);
  console.log(`Written to ${relative(process.cwd(), join(OUTPUT_DIR, 'bench.md'))} (raw samples in samples.json)`);
}

runScript(main, { stack: true });
