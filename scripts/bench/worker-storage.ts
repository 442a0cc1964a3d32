// What the worker does with chrome.storage in one lookup: its storage calls, counted over a few
// untimed lookups (counting would slow the timed ones).
// Runs under plain `node`: erasable TypeScript only.
import type { Page, Worker } from 'playwright-core';
import { withChrome, type ExtensionHarness } from '../lib/extension-session.ts';
import type { MockApi } from '../../test/mock-api/server.ts';
import { timedLookup } from './lookup-timing.ts';
import { currentWorker } from './worker.ts';

/** How many lookups are counted; the table shows the calls of one. */
export const STORAGE_PROBES = 5;

/**
 * Counts the worker's storage calls during STORAGE_PROBES lookups in `popup`; undefined when the
 * worker cannot be reached.
 */
export async function measureStorage(
  h: ExtensionHarness,
  popup: Page,
  api: MockApi,
): Promise<StorageCalls | undefined> {
  const worker = currentWorker(h);
  if (!worker) return undefined;
  await countWorkerStorage(worker);
  for (let i = 0; i < STORAGE_PROBES; i++) await timedLookup(popup, api);
  return readWorkerStorage(worker);
}

export interface StorageCalls {
  calls: number;
  /** Summed duration of the calls; concurrent calls overlap, so this can exceed wall time. */
  ms: number;
  byName: Record<string, number>;
}

/**
 * Wraps the worker's chrome.storage get/set/remove to count them. Lasts until the worker stops,
 * so it runs after the timed warm lookups and before the cold ones restart the worker.
 */
async function countWorkerStorage(worker: Worker): Promise<void> {
  await withChrome(worker, (chrome) => {
    type Call = (...args: unknown[]) => unknown;
    const stats: StorageCalls = { calls: 0, ms: 0, byName: {} };
    Object.defineProperty(globalThis, '__benchStorage', { value: stats, configurable: true });
    for (const areaName of ['local', 'session', 'sync'] as const) {
      // The area's methods by name, each wrapped alike whatever its own signature.
      const methods: unknown = chrome.storage[areaName];
      if (!methods) continue;
      const area = methods as Record<string, Call>;
      for (const method of ['get', 'set', 'remove']) {
        const original = area[method];
        if (typeof original !== 'function') continue;
        area[method] = function (this: unknown, ...args: unknown[]) {
          const start = performance.now();
          const name = `${areaName}.${method}`;
          stats.calls++;
          stats.byName[name] = (stats.byName[name] ?? 0) + 1;
          const done = () => {
            stats.ms += performance.now() - start;
          };
          const last = args.at(-1);
          if (typeof last === 'function') {
            args[args.length - 1] = (...reply: unknown[]) => {
              done();
              return (last as Call)(...reply);
            };
            return original.apply(this, args);
          }
          const result = original.apply(this, args);
          if (result instanceof Promise) result.then(done, done);
          return result;
        };
      }
    }
  });
}

async function readWorkerStorage(worker: Worker): Promise<StorageCalls> {
  return worker.evaluate(() => {
    const stats = (globalThis as unknown as { __benchStorage: StorageCalls }).__benchStorage;
    return { ...stats, byName: { ...stats.byName } };
  });
}
