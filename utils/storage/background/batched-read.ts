import { browser } from 'wxt/browser';
import type { StorageArea } from 'wxt/utils/storage';
import type { Kept } from './memory';
import { areaAndName } from './storage-key';

interface Waiting {
  name: string;
  kept: Kept<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

// The reads asked for in this turn, by storage area: each area is read once for all of them.
const waiting = new Map<StorageArea, Waiting[]>();

/**
 * The item's stored value (its fallback when there is none), read together with every other item
 * of its storage area asked for in the same turn: one `get` per area, each value with the version
 * stored beside it (`name$`). A worker woken by a lookup reads its settings and keys so, in one
 * `get` of `local` and one of `session`.
 *
 * A value stored at an earlier version than the item's is handed to WXT's item instead, whose
 * migrations bring it up to date (and store it so) before it is given out.
 */
export function readBatched<T>(kept: Kept<T>): Promise<T> {
  const [area, name] = areaAndName(kept.item.key);
  return new Promise<unknown>((resolve, reject) => {
    let batch = waiting.get(area);
    if (!batch) {
      batch = [];
      waiting.set(area, batch);
      queueMicrotask(() => void readArea(area));
    }
    batch.push({ name, kept: kept as Kept<unknown>, resolve, reject });
  }) as Promise<T>;
}

/**
 * Sends the reads asked for so far now, instead of when this turn ends. A worker's start-up reads
 * (lookup/background/warm-up.ts) go out so while the rest of the worker's script still runs.
 */
export function readNow(): void {
  for (const area of [...waiting.keys()]) void readArea(area);
}

async function readArea(area: StorageArea): Promise<void> {
  const batch = waiting.get(area);
  // Already sent by readNow.
  if (!batch) return;
  waiting.delete(area);
  let stored: Record<string, unknown>;
  try {
    stored = await browser.storage[area].get(batch.flatMap(({ name }) => [name, `${name}$`]));
  } catch (error) {
    for (const { reject } of batch) reject(error);
    return;
  }
  for (const { name, kept, resolve, reject } of batch) {
    const value = stored[name];
    const version = (stored[`${name}$`] as { v?: unknown } | undefined)?.v;
    if (value != null && (typeof version === 'number' ? version : 1) < kept.version)
      kept.item.getValue().then(resolve, reject);
    else resolve(value ?? kept.item.fallback);
  }
}
