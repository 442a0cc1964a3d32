// The lookup measurements, ours paired with the reference extension's in the same browser: a warm
// worker, an API that takes its time, a cold worker; and ours alone for the cached card. Each
// side is a page whose "Key hash" already holds the hash.
// Runs under plain `node`: erasable TypeScript only.
import { saveOptions, type ExtensionHarness } from '../lib/extension-session.ts';
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
import { stopWorker } from './worker.ts';

/** How long the mock waits before each answer in the "with latency" lookups. */
export const LATENCY_MS = 100;

export interface LookupBench {
  h: ExtensionHarness;
  ours: Side;
  reference: Side;
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
}

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
 * stopped before each side's Enter, so that its message has to start its worker. The order of the
 * sides alternates per sample.
 */
export async function measureCold(bench: LookupBench): Promise<ColdSamples> {
  const samples: ColdSamples = { cold: { ours: [], reference: [] }, warm: { ours: [], reference: [] } };
  await warmBoth(bench);
  for (let i = 0; i < bench.samples; i++) {
    const sides = i % 2 === 0 ? [bench.ours, bench.reference] : [bench.reference, bench.ours];
    for (const side of sides) samples.warm[side.name].push(await timedLookup(side, i));
    for (const side of sides) {
      await stopWorker(side.page, side.extensionId);
      samples.cold[side.name].push(await timedLookup(side, i));
    }
  }
  return samples;
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
