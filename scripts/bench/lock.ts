// `npm run bench:lock`: what the lock costs, in Debian's Chromium (headless) against the local
// mock API: the unlock (PBKDF2 at 600,000 iterations, then AES-GCM), and lookups with the lock on
// against the same lookups with it off, warm and with a cold worker. The two states alternate in
// blocks, and each sample with the lock on is paired with the one at the same place in the block
// with it off before it, so that the machine's load moves both alike. Prints one markdown table
// (also written to bench-output/lock.md). Exits 0 whatever the figures: a FAIL is for a person to
// read (timings on a shared 2-core machine are too noisy to gate on).
// Runs under plain `node`: erasable TypeScript only.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join, relative } from 'node:path';
import type { Page } from 'playwright-core';
import { SAMPLE_HASHES } from '../../test/mock-api/samples.ts';
import { lookUp, saveOptions, withChrome, withExtension } from '../lib/extension-session.ts';
import { PROJECT_ROOT } from '../lib/paths.ts';
import { runScript } from '../lib/run-script.ts';
import { benchCopy } from './bench-copy.ts';
import { instrument } from './instrument.ts';
import { timedLookup } from './lookup-timing.ts';
import { ourSide } from './sides.ts';
import { median, pairedRatios, quantile } from './statistics.ts';
import { stopWorker } from './worker.ts';

const SAMPLES = Math.max(20, Number(process.env.BENCH_SAMPLES ?? 40) || 40);
/** Samples per block of one state: each block costs a switch (two key derivations). */
const BLOCK = 5;
const PASSPHRASE = 'plum kettle harbour violin 42';
const OUTPUT_DIR = join(PROJECT_ROOT, 'bench-output');

/** Sends one message to the worker as our pages do, and returns how long the reply took (ms). */
async function ask(page: Page, type: string, data: unknown = null): Promise<{ ms: number; reply: unknown }> {
  return withChrome(
    page,
    async (chrome, { type, data }) => {
      const started = performance.now();
      const reply: unknown = await chrome.runtime.sendMessage({ id: Date.now(), type, data, timestamp: Date.now() });
      return { ms: performance.now() - started, reply };
    },
    { type, data },
  );
}

async function setLock(page: Page, on: boolean): Promise<void> {
  const { reply } = on
    ? await ask(page, 'turnOnLock', { passphrase: PASSPHRASE })
    : await ask(page, 'turnOffLock', { passphrase: PASSPHRASE, to: 'plain' });
  const res = (reply as { res?: { ok?: boolean; reason?: string } }).res;
  // Already as asked ('on' / 'off') is as good as done.
  if (!res?.ok && res?.reason !== (on ? 'on' : 'off')) throw new Error(`Could not turn the lock ${on ? 'on' : 'off'}`);
}

/** `measure` SAMPLES times in each state, in alternating blocks: [lock off, lock on] sample lists. */
async function alternating(page: Page, measure: (i: number) => Promise<number>): Promise<[number[], number[]]> {
  const off: number[] = [];
  const on: number[] = [];
  for (let block = 0; off.length < SAMPLES; block++) {
    for (const [state, list] of [
      [false, off],
      [true, on],
    ] as const) {
      await setLock(page, state);
      for (let i = 0; i < BLOCK; i++) list.push(await measure(block * BLOCK + i));
    }
  }
  await setLock(page, false);
  return [off, on];
}

interface Row {
  what: string;
  median: string;
  spread: string;
  goal: string;
  verdict: string;
}

const ms = (values: number[]) => `${median(values).toFixed(1)} ms`;
const spreadMs = (values: number[]) => `${quantile(values, 0.25).toFixed(1)} – ${quantile(values, 0.75).toFixed(1)} ms`;
function ratioRow(what: string, on: number[], off: number[], goal: number): Row {
  const ratios = pairedRatios(on, off);
  const value = median(ratios);
  return {
    what,
    median: `${value.toFixed(3)}×`,
    spread: `${quantile(ratios, 0.25).toFixed(3)} – ${quantile(ratios, 0.75).toFixed(3)}×`,
    goal: `≤ ${goal.toFixed(2)}×`,
    verdict: value <= goal ? 'pass' : 'FAIL',
  };
}

async function main(): Promise<void> {
  const started = Date.now();
  const loadAtStart = loadavg()[0] ?? NaN;
  const copy = await benchCopy();
  try {
    await withExtension({ extensionDir: copy.extensionDir }, async ({ h }) => {
      await saveOptions(h, { cacheSeconds: 0 });
      await h.context.addInitScript(instrument);
      const popup = await h.openPage('popup.html');
      await lookUp(popup, SAMPLE_HASHES.active);
      await lookUp(popup, SAMPLE_HASHES.active);
      const observer = await h.openPage('options.html');
      // The popup's tab in front: a tab behind is drawn at a throttled pace, and its frames are timed.
      await popup.bringToFront();
      const side = await ourSide(h, popup, SAMPLE_HASHES.active);

      const [warmOff, warmOn] = await alternating(observer, async (i) => (await timedLookup(side, i)).totalMs);
      console.log('warm lookups measured');
      const [coldOff, coldOn] = await alternating(observer, async (i) => {
        await stopWorker(popup, h.extensionId);
        return (await timedLookup(side, i)).totalMs;
      });
      console.log('cold lookups measured');

      await setLock(observer, true);
      const unlocks: number[] = [];
      for (let i = 0; i < Math.min(SAMPLES, 20); i++) {
        await ask(observer, 'lockNow');
        const { ms: took, reply } = await ask(observer, 'unlock', { passphrase: PASSPHRASE });
        if (!(reply as { res?: { ok?: boolean } }).res?.ok) throw new Error('The unlock failed');
        unlocks.push(took);
      }
      await setLock(observer, false);
      console.log('unlocks measured');

      const rows: Row[] = [
        { what: 'unlock (message → reply)', median: ms(unlocks), spread: spreadMs(unlocks), goal: '', verdict: '' },
        ratioRow('warm lookup, lock on ÷ off (paired)', warmOn, warmOff, 1.02),
        { what: '↳ warm, lock off', median: ms(warmOff), spread: spreadMs(warmOff), goal: '', verdict: '' },
        { what: '↳ warm, lock on', median: ms(warmOn), spread: spreadMs(warmOn), goal: '', verdict: '' },
        ratioRow('cold worker lookup, lock on ÷ off (paired)', coldOn, coldOff, 1.1),
        { what: '↳ cold, lock off', median: ms(coldOff), spread: spreadMs(coldOff), goal: '', verdict: '' },
        { what: '↳ cold, lock on', median: ms(coldOn), spread: spreadMs(coldOn), goal: '', verdict: '' },
      ];
      const report = [
        `# Lock benchmark, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
        '',
        `Chromium ${h.context.browser()?.version() ?? 'unknown'} headless, ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ` +
          `load average ${loadAtStart.toFixed(1)} at the start and ${(loadavg()[0] ?? NaN).toFixed(1)} at the end. ` +
          `${SAMPLES} samples per state, in alternating blocks of ${BLOCK}; lookups are Enter → card painted in a popup tab, cache off; spread is p25 – p75.`,
        '',
        '| Measure | Median | Spread | Goal | Verdict |',
        '| --- | --- | --- | --- | --- |',
        ...rows.map((r) => `| ${r.what} | ${r.median} | ${r.spread} | ${r.goal} | ${r.verdict} |`),
        '',
        `The run took ${((Date.now() - started) / 1000).toFixed(0)} s.`,
        '',
      ].join('\n');
      console.log(`\n${report}`);
      await mkdir(OUTPUT_DIR, { recursive: true });
      await writeFile(join(OUTPUT_DIR, 'lock.md'), report);
      console.log(`Written to ${relative(process.cwd(), join(OUTPUT_DIR, 'lock.md'))}`);
    });
  } finally {
    await rm(copy.root, { recursive: true, force: true });
  }
}

runScript(main, { stack: true });
