import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readBatched, readNow } from './batched-read';
import { defineOnUse } from './defined-on-use';
import type { Kept } from './memory';

const kept = <T>(key: `local:${string}` | `session:${string}`, fallback: T, version = 1): Kept<T> => ({
  item: defineOnUse<T>(key, { fallback, version }),
  version,
});

describe('reading kept items in one get per storage area', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  it('reads the items asked for in one turn with one get per area, each with its version', async () => {
    await fakeBrowser.storage.local.set({ a: 1, a$: { v: 1 }, b: 'two' });
    await fakeBrowser.storage.session.set({ c: [3] });
    const local = vi.spyOn(fakeBrowser.storage.local, 'get');
    const session = vi.spyOn(fakeBrowser.storage.session, 'get');

    const values = await Promise.all([
      readBatched(kept('local:a', 0)),
      readBatched(kept('local:b', '')),
      readBatched(kept('session:c', [] as number[])),
      readBatched(kept('local:absent', 'fallback')),
    ]);

    expect(values).toEqual([1, 'two', [3], 'fallback']);
    expect(local.mock.calls).toEqual([[['a', 'a$', 'b', 'b$', 'absent', 'absent$']]]);
    expect(session.mock.calls).toEqual([[['c', 'c$']]]);
  });

  it('hands a value stored at an earlier version to WXT’s migrations, and gives the migrated value', async () => {
    await fakeBrowser.storage.local.set({ count: 4, count$: { v: 1 } });
    const item = defineOnUse<number>('local:count', {
      fallback: 0,
      version: 2,
      migrations: { 2: (old: number) => old + 100 },
    });

    expect(await readBatched({ item, version: 2 })).toBe(104);
    expect(await fakeBrowser.storage.local.get(['count', 'count$'])).toEqual({ count: 104, count$: { v: 2 } });
  });

  it('fails every read of a batch whose get fails, and reads afresh the next time', async () => {
    await fakeBrowser.storage.local.set({ a: 1 });
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValueOnce(new Error('storage is gone'));
    const reads = [readBatched(kept('local:a', 0)), readBatched(kept('local:b', 0))];
    await expect(Promise.all(reads)).rejects.toThrow('storage is gone');
    await expect(reads[1]).rejects.toThrow('storage is gone');

    expect(await readBatched(kept('local:a', 0))).toBe(1);
  });

  it('sends the reads asked for so far at once on readNow, and batches later ones of the turn anew', async () => {
    await fakeBrowser.storage.local.set({ a: 1, b: 2, c: 3 });
    const local = vi.spyOn(fakeBrowser.storage.local, 'get');

    const early = [readBatched(kept('local:a', 0)), readBatched(kept('local:b', 0))];
    readNow();
    // Sent before this turn ends: the worker's script still runs while storage answers.
    expect(local.mock.calls).toEqual([[['a', 'a$', 'b', 'b$']]]);
    const late = readBatched(kept('local:c', 0));

    expect(await Promise.all([...early, late])).toEqual([1, 2, 3]);
    expect(local.mock.calls).toEqual([[['a', 'a$', 'b', 'b$']], [['c', 'c$']]]);
  });

  it('sends nothing on readNow when no read is waiting, and nothing twice', async () => {
    const local = vi.spyOn(fakeBrowser.storage.local, 'get');
    readNow();
    const read = readBatched(kept('local:a', 0));
    readNow();
    readNow();
    expect(await read).toBe(0);
    expect(local).toHaveBeenCalledTimes(1);
  });
});
