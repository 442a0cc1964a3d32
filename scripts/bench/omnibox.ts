// The `mg` keyword: from the input event (the worker's real onInputChanged, dispatched in the
// worker) to the suggestion that names the key, for a key in the cache and for one that is not.
// Both include the pause the listener waits for typing to stop (TYPING_PAUSE_MS). Needs the cache
// on (run after measureCached, which sets 60 s).
// Runs under plain `node`: erasable TypeScript only.
import type { Worker } from 'playwright-core';
import { withChrome } from '../lib/extension-session.ts';
import type { LookupBench } from './lookups.ts';
import { ms, row, type Row } from './table.ts';

export interface OmniboxSamples {
  cached: number[];
  uncached: number[];
}

/** Dispatches one input and resolves with the milliseconds until the key's suggestion arrives. */
function timeSuggestion(worker: Worker, hash: string, forget: boolean): Promise<number> {
  return withChrome(
    worker,
    async (chrome, { hash, forget }) => {
      if (forget) await chrome.storage.session?.remove('resultCache');
      return new Promise<number>((resolve) => {
        const started = performance.now();
        chrome.omnibox.onInputChanged.dispatch(hash, (rows) => {
          if (rows.length > 0) resolve(performance.now() - started);
        });
      });
    },
    { hash, forget },
  );
}

export async function measureOmnibox({ ours, api, samples, hash }: LookupBench): Promise<OmniboxSamples> {
  const asked = () => api.requests.filter((r) => r.method === 'GET').length;
  const series = async (forget: boolean) => {
    const times: number[] = [];
    const worker = ours.worker();
    if (!worker) throw new Error('Our service worker is not running');
    await timeSuggestion(worker, hash, forget);
    const before = asked();
    for (let i = 0; i < samples; i++) times.push(await timeSuggestion(worker, hash, forget));
    const expected = forget ? samples : 0;
    if (asked() - before !== expected)
      throw new Error(`${asked() - before} requests for ${samples} ${forget ? 'uncached' : 'cached'} suggestions`);
    return times;
  };
  return { uncached: await series(true), cached: await series(false) };
}

export function omniboxRows({ cached, uncached }: OmniboxSamples): Row[] {
  return [
    row('Omnibox `mg <hash>`, cached key: input event → suggestion (includes the typing pause)', cached, ms),
    row('Omnibox `mg <hash>`, uncached key: input event → suggestion (includes the typing pause)', uncached, ms),
  ];
}
