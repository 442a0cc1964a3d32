// The lookups, row by row: ours against the reference extension (warm, slow API, cold), the cached
// card in display frames, several accounts and the omnibox; the ↳ rows break each down.
// Runs under plain `node`: erasable TypeScript only.
import { OTHERS_MS, OWNER_MS, type AccountsSamples } from './accounts.ts';
import { FLOOR_CARRIES } from './bench-copy.ts';
import { FLOOR_WORDS } from './reference/carrying.ts';
import type { LookupTiming } from './lookup-timing.ts';
import { LATENCY_MS, type ColdSamples, type PairedLookups } from './lookups.ts';
import { omniboxRows, type OmniboxSamples } from './omnibox.ts';
import { countAtMost, defined, elapsed, median, pairedDifferences, pairedRatios } from './statistics.ts';
import { atLeast, frames, ms, row, single, times, versus, type Row } from './table.ts';
import type { StorageUse, WorkerSteps } from './worker-steps.ts';

/** Issue 21's goals for the lookups: each a paired ratio against the reference, or a count of frames. */
export const LOOKUP_GOALS = {
  warmToReference: 1.1,
  slowToReference: 1.03,
  coldToReference: 1.15,
  /** Painted in the first frame after Enter in 30 of every 40. */
  cachedFirstFrameShare: 0.75,
  accountsToOne: 1.1,
};

export interface LookupResults {
  warm: PairedLookups;
  slow: PairedLookups;
  cold: ColdSamples;
  cached: PairedLookups;
  accounts: AccountsSamples;
  omnibox: OmniboxSamples;
}

type Pick = (timing: LookupTiming) => number | null;
const totals = (timings: LookupTiming[]) => timings.map((timing) => timing.totalMs);
const pick = (timings: LookupTiming[], step: Pick) => defined(timings.map(step));
const inWorker =
  (step: (steps: WorkerSteps) => number | null): Pick =>
  (t) =>
    t.worker ? step(t.worker) : null;
/** The two message hops: the page's round trip less the worker's handling. */
const hops: Pick = (t) => elapsed(t.worker?.handlingMs ?? null, t.workerMs);

/**
 * The ↳ rows every paired lookup row shares: where the time goes, ours against the reference's.
 * `fromWorker`: only from the message's arrival in the worker on (a cold lookup shows its own
 * rows before that).
 */
function stepRows(paired: PairedLookups, fromWorker = false): Row[] {
  const both = (what: string, step: Pick) =>
    versus(`↳ ${what}`, pick(paired.ours, step), pick(paired.reference, step), ms);
  const page = [
    versus('↳ Enter → card painted: ours vs reference', totals(paired.ours), totals(paired.reference), ms),
    both('Enter → lookup message sent', (t) => t.toSendMs),
    both('message sent → reply in the page (round trip)', (t) => t.workerMs),
    both('the two message hops (round trip − the worker’s handling)', hops),
  ];
  return [
    ...(fromWorker ? [] : page),
    both(
      'worker: message arrived → fetch sent',
      inWorker((w) => w.toFetchMs),
    ),
    both(
      'worker: fetch sent → response',
      inWorker((w) => w.fetchMs),
    ),
    both(
      'worker: response → reply handed to Chrome',
      inWorker((w) => w.afterFetchMs),
    ),
    single('↳ worker: storage calls before the reply; after it (ours · reference)', storageText(paired)),
    single('↳ messages the page sent from Enter to the card painted (ours · reference)', sentText(paired)),
    both('reply → card in the DOM (render)', (t) => t.renderMs),
    both('card in the DOM → next frame begins', (t) => t.frameWaitMs),
    both('frame begins → card painted (style, layout, paint)', (t) => t.paintMs),
  ];
}

function storageText({ ours, reference }: PairedLookups): string {
  const use = (timings: LookupTiming[], of: (w: WorkerSteps) => StorageUse) => {
    const uses = timings.flatMap((t) => (t.worker ? [of(t.worker)] : []));
    if (uses.length === 0) return '–';
    const names = [...new Set(uses.flatMap((u) => u.names))].join(', ');
    return `${median(uses.map((u) => u.calls))} (${median(uses.map((u) => u.ms)).toFixed(1)} ms${names ? `: ${names}` : ''})`;
  };
  const side = (timings: LookupTiming[]) =>
    `${use(timings, (w) => w.beforeReply)}; ${use(timings, (w) => w.afterReply)}`;
  return `${side(ours)} · ${side(reference)}`;
}

/** The most common list of messages sent before the paint, on each side, with how often it came. */
function sentText({ ours, reference }: PairedLookups): string {
  const usual = (timings: LookupTiming[]) => {
    const counts = new Map<string, number>();
    for (const t of timings) counts.set(t.sentTypes.join(', '), (counts.get(t.sentTypes.join(', ')) ?? 0) + 1);
    const [list, count] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];
    return `${list || 'none'} (${count} of ${timings.length})`;
  };
  return `${usual(ours)} · ${usual(reference)}`;
}

/** The script's start-up spans, as the cold rows break a worker's start down. */
const START_STEPS: [string, Pick][] = [
  ['global scope → the script’s first line (load, compile)', (t) => t.probe?.startedAt ?? null],
  [
    'first line → last line (the script’s top level)',
    (t) => elapsed(t.probe?.startedAt ?? null, t.probe?.evaluatedAt ?? null),
  ],
  ['script evaluated → the message reached the listener', (t) => elapsed(t.probe?.evaluatedAt ?? null, t.receivedAt)],
];

/** The worker's start, for cold lookups: each span in one clock but the first (epoch clocks, about 1 ms). */
function coldRows({ cold, warm, floor, listened }: ColdSamples): Row[] {
  const both = (what: string, step: Pick) => versus(`↳ ${what}`, pick(cold.ours, step), pick(cold.reference, step), ms);
  return [
    row(
      'Cold worker lookup (every worker stopped first): ours ÷ the reference’s cold lookup (paired)',
      pairedRatios(totals(cold.ours), totals(cold.reference)),
      times,
      LOOKUP_GOALS.coldToReference,
    ),
    versus('↳ cold: Enter → card painted: ours vs reference', totals(cold.ours), totals(cold.reference), ms),
    versus(
      '↳ time added over the same side’s warm lookup just before (paired)',
      pairedDifferences(totals(cold.ours), totals(warm.ours)),
      pairedDifferences(totals(cold.reference), totals(warm.reference)),
      ms,
    ),
    both('message sent → the worker’s global scope created (epoch clocks)', (t) =>
      t.probe && t.sentEpoch !== null ? t.probe.timeOrigin - t.sentEpoch : null,
    ),
    ...START_STEPS.map(([what, step]) => both(what, step)),
    ...stepRows(cold, true),
    ...floorRows(cold, floor, listened),
  ];
}

/**
 * The cold floor of a worker with our features: the reference carrying our worker's script,
 * pre-parsed and never run, and registering the listeners ours registers (./reference/carrying.ts),
 * against the reference, sample by sample; and ours against that floor.
 */
function floorRows(cold: PairedLookups, floor: LookupTiming[], listened: ColdSamples['listened']): Row[] {
  const ours = new Set(listened.ours);
  const carried = new Set(listened.floor);
  const only = (a: Set<string>, b: Set<string>) => [...a].filter((event) => !b.has(event)).join(', ') || 'none';
  const same = ours.size === carried.size && [...ours].every((event) => carried.has(event));
  return [
    row(
      `↳ floor: ${FLOOR_WORDS[FLOOR_CARRIES]}: its cold lookup ÷ the reference’s (paired)`,
      pairedRatios(totals(floor), totals(cold.reference)),
      times,
    ),
    row('↳ ours ÷ that floor, cold (paired)', pairedRatios(totals(cold.ours), totals(floor)), times),
    versus('↳ cold: Enter → card painted: floor vs reference', totals(floor), totals(cold.reference), ms),
    ...START_STEPS.map(([what, step]) =>
      versus(`↳ floor vs reference: ${what}`, pick(floor, step), pick(cold.reference, step), ms),
    ),
    single(
      '↳ events with a listener in the worker: ours · the floor',
      same
        ? `the same ${ours.size}: ${listened.ours.join(', ')}`
        : `differ: ours only ${only(ours, carried)}; the floor only ${only(carried, ours)}`,
    ),
  ];
}

/** How many lookups painted their card in the first display frame after Enter. */
const firstFrame = (timings: LookupTiming[]) =>
  countAtMost(
    timings.map((t) => t.frames),
    1,
  );

/** Ours from its cache; the reference drawing the card it remembers, with no message at all. */
function cachedRows(cached: PairedLookups): Row[] {
  const { ours, reference } = cached;
  const both = (what: string, step: Pick, format = ms) =>
    versus(`↳ ${what}`, pick(ours, step), pick(reference, step), format);
  return [
    atLeast(
      'Repeated lookup, cached card (cache 60 s): painted in the first frame after Enter',
      firstFrame(ours),
      ours.length,
      Math.ceil(ours.length * LOOKUP_GOALS.cachedFirstFrameShare),
    ),
    single(
      '↳ the reference drawing a card it remembers at Enter, no message: painted in the first frame',
      `${firstFrame(reference)} of ${reference.length}`,
    ),
    both('display frame after Enter’s own in which the card was painted: ours vs reference', (t) => t.frames, frames),
    versus('↳ Enter → card painted', totals(ours), totals(reference), ms),
    both('Enter → lookup message sent (the reference sends none)', (t) => t.toSendMs),
    row(
      '↳ ours: message sent → cached reply in the popup',
      pick(ours, (t) => t.workerMs),
      ms,
    ),
    row(
      '↳ ours: worker: message arrived → reply handed to Chrome',
      pick(
        ours,
        inWorker((w) => w.handlingMs),
      ),
      ms,
    ),
    row('↳ ours: the two message hops (round trip − the worker’s handling)', pick(ours, hops), ms),
    both('Enter → card in the DOM', (t) => t.toDomMs),
    both('card in the DOM → next frame begins', (t) => t.frameWaitMs),
    both('frame begins → card painted (style, layout, paint)', (t) => t.paintMs),
  ];
}

export function lookupRows({ warm, slow, cold, cached, accounts, omnibox }: LookupResults): Row[] {
  const [one, three] = [totals(accounts.one), totals(accounts.three)];
  return [
    row(
      'Lookup, warm worker, mock answers at once: ours ÷ reference (paired)',
      pairedRatios(totals(warm.ours), totals(warm.reference)),
      times,
      LOOKUP_GOALS.warmToReference,
    ),
    ...stepRows(warm),
    single(
      '↳ painted in the first frame after Enter: ours · reference',
      `${firstFrame(warm.ours)} of ${warm.ours.length} · ${firstFrame(warm.reference)} of ${warm.reference.length}`,
    ),
    row(
      `Lookup, mock answers after ${LATENCY_MS} ms: ours ÷ reference (paired)`,
      pairedRatios(totals(slow.ours), totals(slow.reference)),
      times,
      LOOKUP_GOALS.slowToReference,
    ),
    row('↳ ours − reference (paired)', pairedDifferences(totals(slow.ours), totals(slow.reference)), ms),
    ...stepRows(slow),
    ...coldRows(cold),
    ...cachedRows(cached),
    row(
      `Lookup, 3 accounts, the owner answers after ${OWNER_MS} ms, the others after ${OTHERS_MS} ms: Enter → card painted`,
      three,
      ms,
    ),
    row('↳ the same lookup with the owner as the only account', one, ms),
    row('3 accounts ÷ 1 account (paired)', pairedRatios(three, one), times, LOOKUP_GOALS.accountsToOne),
    ...omniboxRows(omnibox),
  ];
}
