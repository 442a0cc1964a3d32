// The bench's table, row by row, from the samples of every measurement. The ↳ rows break the
// row above them down and have no budget.
// Runs under plain `node`: erasable TypeScript only.
import { basename } from 'node:path';
import { formatKb, POPUP_JS_BUDGET_BYTES, type BuildSizes } from '../lib/build-sizes.ts';
import { OTHERS_MS, OWNER_MS, type AccountsSamples } from './accounts.ts';
import { FRAME_MS, type LookupTiming } from './lookup-timing.ts';
import { LATENCY_MS, type ColdTiming, type LatencySamples } from './lookups.ts';
import type { ReadySamples } from './popup-ready.ts';
import { defined, elapsed, median, pairedDifferences, pairedRatios } from './statistics.ts';
import { mb, ms, row, single, times, type Row } from './table.ts';
import { STORAGE_PROBES, type StorageCalls } from './worker-storage.ts';

export interface BenchResults {
  ready: ReadySamples;
  warm: LookupTiming[];
  slow: LatencySamples;
  /** Undefined when the worker could not be reached to count them. */
  storage: StorageCalls | undefined;
  cold: ColdTiming[];
  cached: LookupTiming[];
  accounts: AccountsSamples;
  sizes: BuildSizes;
}

type Step = 'toSendMs' | 'workerMs' | 'toRequestMs' | 'renderMs' | 'frameWaitMs' | 'paintMs';

const totals = (timings: LookupTiming[]) => timings.map((timing) => timing.totalMs);
const pick = (timings: LookupTiming[], step: Step) => defined(timings.map((timing) => timing[step]));

export function benchRows({ ready, warm, slow, storage, cold, cached, accounts, sizes }: BenchResults): Row[] {
  const slowTotals = totals(slow.lookup);
  const [one, three] = [totals(accounts.one), totals(accounts.three)];
  return [
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
    single('↳ worker chrome.storage calls per lookup (counted apart)', storageText(storage)),
    row('↳ reply → card in the DOM (render)', pick(warm, 'renderMs'), ms),
    row('↳ card in the DOM → next frame begins', pick(warm, 'frameWaitMs'), ms),
    row('↳ frame begins → card painted (style, layout, paint)', pick(warm, 'paintMs'), ms),
    row(`Lookup, mock answers after ${LATENCY_MS} ms: Enter → card painted`, slowTotals, ms),
    row('↳ plain fetch of the same URL, same headers, from the popup page', slow.fetch, ms),
    row('Lookup ÷ plain fetch (paired)', pairedRatios(slowTotals, slow.fetch), times, 1.1),
    row('↳ lookup − plain fetch (paired)', pairedDifferences(slowTotals, slow.fetch), ms),
    row('↳ plain fetch, then the next frame painted', slow.fetchPainted, ms),
    row('↳ lookup ÷ (plain fetch + next frame) (paired)', pairedRatios(slowTotals, slow.fetchPainted), times),
    row('↳ message sent → reply in the popup', pick(slow.lookup, 'workerMs'), ms),
    row('↳ card in the DOM → next frame begins', pick(slow.lookup, 'frameWaitMs'), ms),
    row('↳ frame begins → card painted (style, layout, paint)', pick(slow.lookup, 'paintMs'), ms),
    row('Lookup, cold worker (stopped first): Enter → card painted', totals(cold), ms),
    single('↳ added by the cold start (median cold − median warm)', ms(median(totals(cold)) - median(totals(warm)))),
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
    row(
      `Lookup, 3 accounts, the owner answers after ${OWNER_MS} ms, the others after ${OTHERS_MS} ms: Enter → card painted`,
      three,
      ms,
    ),
    row(`↳ the same lookup with the owner as the only account`, one, ms),
    row('3 accounts ÷ 1 account (paired)', pairedRatios(three, one), times, 1.1),
    row('↳ 3 accounts: message sent → reply in the popup', pick(accounts.three, 'workerMs'), ms),
    row('↳ 1 account: message sent → reply in the popup', pick(accounts.one, 'workerMs'), ms),
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
}

function storageText(storage: StorageCalls | undefined): string {
  if (!storage) return 'the worker could not be reached';
  const byName = Object.entries(storage.byName)
    .map(([name, count]) => `${name} ×${count / STORAGE_PROBES}`)
    .join(', ');
  return (
    `${(storage.calls / STORAGE_PROBES).toFixed(0)} calls, ${(storage.ms / STORAGE_PROBES).toFixed(1)} ms summed ` +
    `(${byName})`
  );
}
