// The bulk page, row by row: ours against the reference's run, the rate-limited run against the
// limit's own bound, long tasks, sort and filter in display frames, the progress line with two
// accounts, and the page's JavaScript.
// Runs under plain `node`: erasable TypeScript only.
import { formatKb } from '../lib/build-sizes.ts';
import { longestFirst, longFramesLine, progressCounts } from './bulk-figures.ts';
import {
  LIMITED_HASHES,
  LONG_TASK_ROWS,
  PACED_HASHES,
  PACED_LATENCY_MS,
  RATE_PER_SECOND,
  TABLE_ROWS,
  type BulkBench,
  type BulkRunTiming,
} from './bulk.ts';
import { defined, median, pairedRatios } from './statistics.ts';
import { frames, ms, row, single, times, versus, type Row } from './table.ts';
import type { WorkerSteps } from './worker-steps.ts';

/** Issue 21's goals for the bulk page. */
export const BULK_GOALS = {
  pacedToReference: 1.1,
  /** The mock's own bound: LIMITED_HASHES at RATE_PER_SECOND. */
  limitedToBound: 1.15,
  limited429s: 10,
  longTasks: 0,
  sortFrames: 6,
  filterFrames: 6,
};

const walls = (runs: BulkRunTiming[]) => runs.map((run) => run.wallMs);
/** Per run, the median of one figure over its lookups. */
const perRun = (runs: BulkRunTiming[], figure: (run: BulkRunTiming) => number[]) =>
  runs.map((run) => median(figure(run)));
const workerMedian = (step: (steps: WorkerSteps) => number | null) => (run: BulkRunTiming) =>
  defined(run.worker.map(step));

export function bulkRows(bulk: BulkBench): Row[] {
  const { paced, limited, longTasks, sort, filter, progress } = bulk;
  const bound = (LIMITED_HASHES / RATE_PER_SECOND) * 1000;
  const idealMs = (PACED_HASHES / 4) * PACED_LATENCY_MS;
  const both = (what: string, figure: (run: BulkRunTiming) => number[]) =>
    versus(`↳ ${what}`, perRun(paced.ours, figure), perRun(paced.reference, figure), ms);
  const worst = (values: number[]) => Math.max(...values);
  const counted = progress ? progressCounts(progress.line) : null;
  return [
    row(
      `Bulk, ${PACED_HASHES} hashes, mock ${PACED_LATENCY_MS} ms, 4 at once: ours ÷ reference (paired)`,
      pairedRatios(walls(paced.ours), walls(paced.reference)),
      times,
      BULK_GOALS.pacedToReference,
    ),
    versus('↳ click → last answer painted: ours vs reference', walls(paced.ours), walls(paced.reference), ms),
    row(
      `↳ ours ÷ ${(idealMs / 1000).toFixed(1)} s (the mock's time alone)`,
      walls(paced.ours).map((w) => w / idealMs),
      times,
    ),
    both("mock's answer → the next request in its turn (median of a run)", (run) => run.turnGapsMs),
    both(
      'worker: message arrived → fetch sent (ours: with the wait for a turn in its gate)',
      workerMedian((w) => w.toFetchMs),
    ),
    both(
      'worker: fetch sent → response',
      workerMedian((w) => w.fetchMs),
    ),
    both(
      'worker: response → reply handed to Chrome',
      workerMedian((w) => w.afterFetchMs),
    ),
    versus(
      '↳ worker: storage calls per answer after its reply (calls; summed ms per run ÷ answers)',
      paced.ours.map((run) => mean(run.worker.map((w) => w.afterReply.calls))),
      paced.reference.map((run) => mean(run.worker.map((w) => w.afterReply.calls))),
      (v) => v.toFixed(2),
    ),
    row(
      `Bulk, ${LIMITED_HASHES} hashes behind ${RATE_PER_SECOND} req/s: wall ÷ ${bound / 1000} s (the limit's own bound)`,
      limited.wallMs.map((w) => w / bound),
      times,
      BULK_GOALS.limitedToBound,
    ),
    single(
      '↳ answers of 429 per run (worst), rows found (fewest)',
      `${worst(limited.tooMany)}, ${Math.min(...limited.found)} of ${LIMITED_HASHES}`,
      `≤ ${BULK_GOALS.limited429s}, ${LIMITED_HASHES} of ${LIMITED_HASHES}`,
      worst(limited.tooMany) <= BULK_GOALS.limited429s && Math.min(...limited.found) === LIMITED_HASHES
        ? 'pass'
        : 'FAIL',
    ),
    single(
      `Bulk: long tasks > 50 ms in a ${LONG_TASK_ROWS.toLocaleString('en-US')}-row run (worst of ${longTasks.perRun.length}; longest task)`,
      `${worst(longTasks.perRun)} (${ms(Math.max(0, ...longTasks.durationsMs))})`,
      `${BULK_GOALS.longTasks}`,
      worst(longTasks.perRun) <= BULK_GOALS.longTasks ? 'pass' : 'FAIL',
    ),
    single(
      '↳ long tasks of all runs, longest first (ms)',
      longestFirst(
        longTasks.durationsMs,
        (d) => d,
        (d) => d.toFixed(0),
        12,
      ),
    ),
    single(
      '↳ frames over 50 ms in those runs, longest first: ms (its scripts, its rendering: style, layout, paint)',
      longFramesLine(longTasks.frames),
    ),
    row(
      `↳ a paste of ${LONG_TASK_ROWS.toLocaleString('en-US')} lines before each run (untimed): paste → its frame painted, the field laying the text out`,
      longTasks.pasteMs,
      ms,
    ),
    row(
      `Bulk: sort ${TABLE_ROWS.toLocaleString('en-US')} rows: display frames from the click to painted`,
      sort.map((s) => s.frames),
      frames,
      BULK_GOALS.sortFrames,
    ),
    row(
      '↳ click → painted',
      sort.map((s) => s.ms),
      ms,
    ),
    row(
      `Bulk: filter ${TABLE_ROWS.toLocaleString('en-US')} rows: display frames from the click to painted`,
      filter.map((s) => s.frames),
      frames,
      BULK_GOALS.filterFrames,
    ),
    row(
      '↳ click → painted',
      filter.map((s) => s.ms),
      ms,
    ),
    single(
      progress
        ? `Bulk progress, ${progress.hashes} hashes in ${progress.accounts} accounts: the line at the end (counts hashes)`
        : 'Bulk progress with two accounts: the line at the end',
      progress ? `"${progress.line}"` : 'not measured',
      progress ? `${progress.hashes} of ${progress.hashes}` : '',
      counted && progress && counted.total === progress.hashes && counted.done === progress.hashes ? 'pass' : 'FAIL',
    ),
    single(
      `Bulk page JS gzipped (${bulk.js.files.join(' + ')})`,
      `${formatKb(bulk.js.gzipBytes)}, of which ${formatKb(bulk.js.sharedWithPopupGzipBytes)} shared with the popup`,
    ),
  ];
}

function mean(values: number[]): number {
  return values.length === 0 ? NaN : values.reduce((sum, value) => sum + value, 0) / values.length;
}
