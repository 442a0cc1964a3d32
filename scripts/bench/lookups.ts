// The lookup measurements, ours paired with the reference extension's in the same browser: a warm
// worker, an API that takes its time, a cold worker; and ours alone for the cached card. Each
// side is a page whose "Key hash" already holds the hash.
// Runs under plain `node`: erasable TypeScript only.
import { saveOptions, withChrome, type ExtensionHarness } from '../lib/extension-session.ts';
import type { MockApi } from '../../test/mock-api/server.ts';
import { interleaved } from './interleave.ts';
import {
  clearAndRetype,
  reopenPopup,
  timedLookup,
  waitForRefresh,
  type LookupTiming,
  type Side,
} from './lookup-timing.ts';
import { listenedEvents } from './reference/carrying.ts';
import { stopWorker } from './worker.ts';

/** How long the mock waits before each answer in the "with latency" lookups. */
export const LATENCY_MS = 100;

export interface LookupBench {
  h: ExtensionHarness;
  ours: Side;
  reference: Side;
  /** The reference carrying our worker's script and listeners: a third side of the cold lookups only. */
  floor: Side;
  api: MockApi;
  samples: number;
  hash: string;
}

/** Sample i of each list was taken side by side with the other's. */
export interface PairedLookups {
  ours: LookupTiming[];
  reference: LookupTiming[];
}

export interface ColdSamples {
  cold: PairedLookups;
  /** The warm lookup each side made just before its cold one. */
  warm: PairedLookups;
  /** The floor's cold lookups, taken beside the other two's. */
  floor: LookupTiming[];
  /** The events with a listener in our worker and in the floor's, after the last sample. */
  listened: { ours: string[]; floor: string[] };
}

/** Every order of three sides, taken in turn: each side goes before each other as often. */
const ORDERS = [
  [0, 1, 2],
  [1, 0, 2],
  [2, 0, 1],
  [0, 2, 1],
  [1, 2, 0],
  [2, 1, 0],
] as const;

/** Each side looks up once untimed: its worker is running and its card's code loaded. */
async function warmBoth({ ours, reference }: LookupBench): Promise<void> {
  await timedLookup(ours);
  await timedLookup(reference);
}

/** Warm workers, the mock answering at once, cache off: every Enter is a full lookup on both sides. */
export async function measureWarm(bench: LookupBench): Promise<PairedLookups> {
  await warmBoth(bench);
  return interleaved(
    bench.samples,
    (i) => timedLookup(bench.ours, i),
    (i) => timedLookup(bench.reference, i),
  );
}

/** The same, the mock waiting LATENCY_MS before each answer. */
export async function measureWithLatency(bench: LookupBench): Promise<PairedLookups> {
  bench.api.latencyMs = LATENCY_MS;
  try {
    return await measureWarm(bench);
  } finally {
    bench.api.latencyMs = 0;
  }
}

/**
 * Cold workers: each side first looks up warm (its pair for "time added"), then every worker is
 * stopped before each side's Enter, so that its message has to start its worker. The floor (the
 * reference carrying our worker's script) is a third side of the cold lookups; the order of the
 * three goes through every permutation.
 */
export async function measureCold(bench: LookupBench): Promise<ColdSamples> {
  const samples: ColdSamples = {
    cold: { ours: [], reference: [] },
    warm: { ours: [], reference: [] },
    floor: [],
    listened: { ours: [], floor: [] },
  };
  await warmBoth(bench);
  await timedLookup(bench.floor);
  for (let i = 0; i < bench.samples; i++) {
    const three = [bench.ours, bench.reference, bench.floor] as const;
    const sides = (ORDERS[i % ORDERS.length] ?? ORDERS[0]).map((at) => three[at]);
    for (const side of sides) {
      if (side.name === 'floor') continue;
      samples.warm[side.name].push(await timedLookup(side, i));
    }
    for (const side of sides) {
      await stopWorker(side.page, side.extensionId);
      const timing = await timedLookup(side, i);
      if (side.name === 'floor') samples.floor.push(timing);
      else samples.cold[side.name].push(timing);
    }
  }
  samples.listened = { ours: await listenedIn(bench.ours), floor: await listenedIn(bench.floor) };
  return samples;
}

/** The events with a listener in the side's worker, woken by a lookup (the samples stopped it). */
async function listenedIn(side: Side): Promise<string[]> {
  await timedLookup(side);
  const worker = side.worker();
  if (!worker) throw new Error(`The ${side.name} worker is not running`);
  // Sent as its own text (withChrome), so it is passed itself, not called from a callback here.
  return withChrome(worker, listenedEvents as (chrome: unknown) => string[]);
}

/**
 * Cache on: a repeated lookup in our popup shows the remembered card first, then refreshes it;
 * paired with the reference page drawing the card it remembers at Enter, with no message at all.
 */
export async function measureCached({ h, ours, reference, samples, hash }: LookupBench): Promise<PairedLookups> {
  await saveOptions(h, { cacheSeconds: 60 });
  // As a person opens the popup again: its start reply brings the cache's time and its fresh cards.
  await reopenPopup(ours.page, hash);
  await timedLookup(ours);
  await waitForRefresh(ours.page);
  await reference.page.evaluate(() => document.body.setAttribute('data-remember', ''));
  try {
    const cached = await interleaved(
      samples,
      async (i) => {
        // As a person asks again for a key not on screen: the card shown is cleared first (Esc),
        // so the repeat has to draw a card, not leave the one there.
        await clearAndRetype(ours.page, hash);
        const timing = await timedLookup(ours, i);
        await waitForRefresh(ours.page);
        return timing;
      },
      (i) => timedLookup(reference, i),
    );
    const uncachedCards = cached.ours.filter((timing) => !timing.cached).length;
    if (uncachedCards > 0)
      throw new Error(`${uncachedCards} of ${samples} repeated lookups did not show the cached card first`);
    return cached;
  } finally {
    await reference.page.evaluate(() => document.body.removeAttribute('data-remember'));
  }
}
