// The bench's table, row by row, from the samples of every measurement. The rows with a goal are
// issue 21's: each a paired ratio against a floor that does the same work (a blank page, the
// reference extension, the mock's own bound) or a count of display frames; the ↳ rows break the
// row above them down and have no goal. A group not measured in this run (BENCH_ONLY) has no rows.
// Runs under plain `node`: erasable TypeScript only.
import { formatKb, POPUP_JS_BUDGET_BYTES, type BuildSizes, type JsSize } from '../lib/build-sizes.ts';
import type { BulkBench } from './bulk.ts';
import type { ReadySamples } from './popup-ready.ts';
import { bulkRows } from './rows-bulk.ts';
import { lookupRows, type LookupResults } from './rows-lookups.ts';
import { readyRows } from './rows-ready.ts';
import { single, type Row } from './table.ts';

export interface BenchResults {
  ready?: ReadySamples;
  lookups?: LookupResults;
  bulk?: BulkBench;
  sizes: BuildSizes;
  /** The reference page's JavaScript, for scale. */
  referenceJs: JsSize;
}

export function benchRows({ ready, lookups, bulk, sizes, referenceJs }: BenchResults): Row[] {
  return [
    ...(ready ? readyRows(ready) : []),
    ...(lookups ? lookupRows(lookups) : []),
    single('Background JS gzipped (reported)', formatKb(sizes.backgroundJs.gzipBytes)),
    single(
      `Popup JS gzipped (${sizes.popupJs.files.map((file) => file.path).join(' + ')})`,
      formatKb(sizes.popupJs.gzipBytes),
      `≤ ${formatKb(POPUP_JS_BUDGET_BYTES)}`,
      sizes.popupJs.gzipBytes <= POPUP_JS_BUDGET_BYTES ? 'pass' : 'FAIL',
    ),
    single(
      `↳ the reference page's JS gzipped (Preact and the card; ${referenceJs.files.map((f) => f.path).join(' + ')})`,
      formatKb(referenceJs.gzipBytes),
    ),
    single(`Whole Chrome zip (${sizes.zip.path.split('/').at(-1) ?? ''}, from wxt zip)`, formatKb(sizes.zip.bytes)),
    ...(bulk ? bulkRows(bulk) : []),
  ];
}
