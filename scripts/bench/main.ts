// `npm run bench`: how fast the built extension is where a person notices, in Debian's Chromium
// (headless) against the local mock API. Prints one markdown table (also written to
// bench-output/bench.md): medians with the spread p25–p75 over BENCH_SAMPLES (default 40)
// samples per row, each against its budget. Exits 0 whatever the figures; a FAIL is for a person
// to read, not a gate (timings on a shared 2-core machine are too noisy to gate on).
// Runs under plain `node`: erasable TypeScript only.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join, relative } from 'node:path';
import { SAMPLE_HASHES } from '../../test/mock-api/samples.ts';
import { chromeZipPath, measureBuild } from '../lib/build-sizes.ts';
import { lookUp, saveOptions, withExtension } from '../lib/extension-session.ts';
import { CHROME_BUILD_DIR, PROJECT_ROOT } from '../lib/paths.ts';
import { runScript } from '../lib/run-script.ts';
import { measureAccounts } from './accounts.ts';
import { benchCopy } from './bench-copy.ts';
import { instrument } from './instrument.ts';
import { measureCached, measureCold, measureWarm, measureWithLatency, type LookupBench } from './lookups.ts';
import { measurePopupReady } from './popup-ready.ts';
import { benchRows, type BenchResults } from './rows.ts';
import { table } from './table.ts';
import { measureStorage } from './worker-storage.ts';

const SAMPLES = Math.max(20, Number(process.env.BENCH_SAMPLES ?? 40) || 40);
const OUTPUT_DIR = join(PROJECT_ROOT, 'bench-output');
const HASH = SAMPLE_HASHES.active;

async function main(): Promise<void> {
  const started = Date.now();
  const log = (what: string) => console.log(`[${((Date.now() - started) / 1000).toFixed(1)} s] ${what}`);
  // Other work on the machine moves every figure here; the load average lets a reader judge a run.
  const loadAtStart = loadavg()[0] ?? NaN;
  const sizes = await measureBuild(CHROME_BUILD_DIR, await chromeZipPath(PROJECT_ROOT));
  const copy = await benchCopy();
  try {
    await withExtension({ extensionDir: copy.extensionDir }, async ({ h, api }) => {
      const browserVersion = h.context.browser()?.version() ?? 'unknown';
      await saveOptions(h, { cacheSeconds: 0 });
      await h.context.addInitScript(instrument);

      // Warm-up: the worker has run a lookup and there is history for the popup to load.
      const popup = await h.openPage('popup.html');
      await lookUp(popup, HASH);
      await lookUp(popup, HASH);
      log('warmed up');

      const bench: LookupBench = { h, popup, api, samples: SAMPLES, hash: HASH };
      const ready = await measurePopupReady(h, SAMPLES, HASH);
      log('popup ready');
      const warm = await measureWarm(bench);
      log('warm lookups');
      const slow = await measureWithLatency(bench);
      log('lookups with latency');
      // Counted after the warm lookups and before the cold ones restart the worker (which drops the count).
      const storage = await measureStorage(h, popup, api);
      const cold = await measureCold(bench);
      log('cold lookups');
      const cached = await measureCached(bench);
      log('cached lookups');
      // Last: it leaves the extension with three accounts.
      await saveOptions(h, { cacheSeconds: 0 });
      const accounts = await measureAccounts(bench);
      log('lookups across accounts');

      const results: BenchResults = { ready, warm, slow, storage, cold, cached, accounts, sizes };
      await writeReport(results, { browserVersion, loadAtStart, started });
    });
  } finally {
    await rm(copy.root, { recursive: true, force: true });
  }
}

async function writeReport(
  results: BenchResults,
  run: { browserVersion: string; loadAtStart: number; started: number },
): Promise<void> {
  const rows = benchRows(results);
  const failed = rows.filter((r) => r.result === 'FAIL').length;
  const passed = rows.filter((r) => r.result === 'pass').length;
  const report = [
    `# Benchmark, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    '',
    `Chromium ${run.browserVersion} headless, ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ` +
      `load average ${run.loadAtStart.toFixed(1)} at the start and ${(loadavg()[0] ?? NaN).toFixed(1)} at the end. ` +
      `${SAMPLES} samples per timed row; spread is p25 – p75; ↳ rows break down the row above and have no budget.`,
    "Pages are tabs opened on the extension's URLs (an action popup cannot take an init script before it loads). " +
      'The cache is off (0 s) except in the "cached" rows. The mock\'s origin is granted at install, as the production API\'s is.',
    '',
    table(rows),
    '',
    `Budgets: ${passed} pass, ${failed} fail. The run took ${((Date.now() - run.started) / 1000).toFixed(0)} s.`,
    '',
  ].join('\n');
  console.log(`\n${report}`);
  await mkdir(OUTPUT_DIR, { recursive: true });
  await writeFile(join(OUTPUT_DIR, 'bench.md'), report);
  await writeFile(join(OUTPUT_DIR, 'samples.json'), `${JSON.stringify(results, null, 1)}\n`);
  console.log(`Written to ${relative(process.cwd(), join(OUTPUT_DIR, 'bench.md'))} (raw samples in samples.json)`);
}

runScript(main, { stack: true });
