import { browser } from 'wxt/browser';
import type { StorageArea, StorageItemKey } from 'wxt/utils/storage';
import { readBatched } from './batched-read';
import { storedAlike } from '../stored-alike';
import { areaAndName } from './storage-key';

/**
 * A storage item the worker keeps in memory once read, with the version WXT's migrations expect
 * to find beside it (`key$`) when the worker writes it itself.
 */
export interface Kept<T> {
  /** A WXT storage item (only what this module uses of one). */
  item: { key: StorageItemKey; fallback: T; getValue(): Promise<T> };
  version: number;
}

/** One change to a kept item, made by `change`. */
export interface Change {
  kept: Kept<unknown>;
  next: (current: unknown) => unknown;
}

/** The item's next value from its current one; undefined removes it. */
export function change<T>(kept: Kept<T>, next: (current: T) => T | undefined): Change {
  return { kept: kept as Kept<unknown>, next: next as (current: unknown) => unknown };
}

// What the worker has read or written, by item key ('local:settings'). Nothing depends on it
// surviving: a stopped worker starts empty and reads again.
// `known`: the value itself once read or written, to tell our own write's echo from a change.
const memory = new Map<string, { value: Promise<unknown>; known?: { value: unknown } }>();

function onStorageChanged(changes: Record<string, { newValue?: unknown }>, area: string): void {
  for (const [name, change] of Object.entries(changes)) {
    const key = `${area}:${name}`;
    const held = memory.get(key);
    // Our own write is already in memory; anything else (another page, a removal, a write that
    // raced ours) is dropped and read again on next use.
    if (held && !(held.known && storedAlike(held.known.value, change.newValue))) memory.delete(key);
  }
}

function listen(): void {
  // Checked on every read: the listener must be in place before any value is kept.
  if (!browser.storage.onChanged.hasListener(onStorageChanged)) browser.storage.onChanged.addListener(onStorageChanged);
}

/** The item's value: from memory when the worker has it, else read once from storage (./batched-read.ts). */
export function readKept<T>(kept: Kept<T>): Promise<T> {
  listen();
  const key = kept.item.key;
  const held = memory.get(key);
  if (held) return held.value as Promise<T>;
  const value = readBatched(kept);
  const entry: { value: Promise<unknown>; known?: { value: unknown } } = { value };
  memory.set(key, entry);
  value.then(
    (read) => {
      if (memory.get(key) === entry) entry.known = { value: read };
    },
    () => {
      if (memory.get(key) === entry) memory.delete(key);
    },
  );
  return value;
}

let writes: Promise<unknown> = Promise.resolve();

/**
 * Applies the changes one batch at a time (each reads the values the previous batch left), and
 * writes them with one `set` per storage area (and one `remove` per area for removed items).
 * Memory holds the new values at once, so a read that follows never waits for storage.
 */
export function changeKept(...changes: Change[]): Promise<void> {
  const run = writes.then(async () => {
    const current = await Promise.all(changes.map(({ kept }) => readKept(kept)));
    const sets = new Map<StorageArea, Record<string, unknown>>();
    const removes = new Map<StorageArea, string[]>();
    changes.forEach(({ kept, next }, index) => {
      const value = next(current[index]);
      // A change that leaves the item as it is (the same value, or absent and still absent)
      // writes nothing: the popup's start, for one, checks the last lookup every time it opens.
      if (value === current[index] || (value === undefined && current[index] === kept.item.fallback)) return;
      const [area, name] = areaAndName(kept.item.key);
      if (value === undefined) {
        removes.set(area, [...(removes.get(area) ?? []), name, `${name}$`]);
        // What a read of a removed item gives; its removal's change event leaves it in place.
        memory.set(kept.item.key, { value: Promise.resolve(kept.item.fallback), known: { value: null } });
        return;
      }
      const set = sets.get(area) ?? {};
      set[name] = value;
      set[`${name}$`] = { v: kept.version };
      sets.set(area, set);
      memory.set(kept.item.key, { value: Promise.resolve(value), known: { value } });
    });
    await Promise.all([
      ...[...sets].map(([area, values]) => browser.storage[area].set(values)),
      ...[...removes].map(([area, names]) => browser.storage[area].remove(names)),
    ]);
  });
  // The chain only orders the writes: each caller gets its own write's failure through `run`.
  writes = run.catch(() => {});
  return run;
}

/** Forgets everything held, as a stopped worker does (also after a write made without this module). */
export function forgetKept(...kept: Kept<unknown>[]): void {
  if (kept.length === 0) memory.clear();
  for (const { item } of kept) memory.delete(item.key);
}
