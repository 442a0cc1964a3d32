// The lookup measurements, each a run of samples in one popup page whose "Key hash" already
// holds the hash: a warm worker, an API that takes its time, a cold worker, and a cached card.
// Runs under plain `node`: erasable TypeScript only.
import type { Page } from 'playwright-core';
import { saveOptions, type ExtensionHarness } from '../lib/extension-session.ts';
import type { MockApi } from '../../test/mock-api/server.ts';
import { plainFetch, timedLookup, waitForRefresh, type LookupTiming } from './lookup-timing.ts';
import { stopWorker, workerStartEpoch } from './worker.ts';

/** How long the mock waits before each answer in the "with latency" lookups. */
export const LATENCY_MS = 100;

export interface LookupBench {
  h: ExtensionHarness;
  popup: Page;
  api: MockApi;
  samples: number;
  hash: string;
}

export interface LatencySamples {
  lookup: LookupTiming[];
  /** The plain fetch of the same URL, taken right after each lookup. */
  fetch: number[];
  fetchPainted: number[];
}

export type ColdTiming = LookupTiming & { startedEpoch: number | null };

/** Warm worker, mock answering at once, cache off: every Enter is a full lookup. */
export async function measureWarm({ popup, api, samples }: LookupBench): Promise<LookupTiming[]> {
  const warm: LookupTiming[] = [];
  for (let i = 0; i < samples; i++) warm.push(await timedLookup(popup, api, i));
  return warm;
}

/** The mock waits LATENCY_MS before each answer; a plain fetch of the same URL from the same page is the floor. */
export async function measureWithLatency({ popup, api, samples, hash }: LookupBench): Promise<LatencySamples> {
  api.latencyMs = LATENCY_MS;
  try {
    const apiUrl = `${api.baseUrl}/keys/${hash}`;
    await timedLookup(popup, api);
    await plainFetch(popup, apiUrl);
    const slow: LatencySamples = { lookup: [], fetch: [], fetchPainted: [] };
    for (let i = 0; i < samples; i++) {
      slow.lookup.push(await timedLookup(popup, api, i));
      const plain = await plainFetch(popup, apiUrl, i);
      slow.fetch.push(plain.fetchMs);
      slow.fetchPainted.push(plain.paintedMs);
    }
    return slow;
  } finally {
    api.latencyMs = 0;
  }
}

export interface ColdSamples {
  cold: ColdTiming[];
  /** The warm lookup taken just before each cold one: its pair. */
  warm: LookupTiming[];
}

/** Cold worker: stopped before every Enter, so the message has to start it; each one paired with
 * a warm lookup taken just before it, so that the time the cold start adds is a paired difference. */
export async function measureCold({ h, popup, api, samples }: LookupBench): Promise<ColdSamples> {
  const paired: ColdSamples = { cold: [], warm: [] };
  for (let i = 0; i < samples; i++) {
    paired.warm.push(await timedLookup(popup, api, i));
    await stopWorker(popup);
    const timing = await timedLookup(popup, api, i);
    paired.cold.push({ ...timing, startedEpoch: await workerStartEpoch(h) });
  }
  return paired;
}

/** Cache on: a repeated lookup shows the remembered card first, then refreshes it. */
export async function measureCached({ h, popup, api, samples }: LookupBench): Promise<LookupTiming[]> {
  await saveOptions(h, { cacheSeconds: 60 });
  await timedLookup(popup, api);
  await waitForRefresh(popup);
  const cached: LookupTiming[] = [];
  for (let i = 0; i < samples; i++) {
    cached.push(await timedLookup(popup, api, i));
    await waitForRefresh(popup);
  }
  const uncachedCards = cached.filter((timing) => !timing.cached).length;
  if (uncachedCards > 0)
    throw new Error(`${uncachedCards} of ${samples} repeated lookups did not show the cached card first`);
  return cached;
}
