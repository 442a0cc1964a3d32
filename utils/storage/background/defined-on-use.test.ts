import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defineOnUse } from './defined-on-use';

/** Lets every pending promise job and timer of the start run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

const storageReads = () => [vi.spyOn(fakeBrowser.storage.local, 'get'), vi.spyOn(fakeBrowser.storage.session, 'get')];

describe('storage items defined on first use', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    vi.restoreAllMocks();
  });

  it('reads nothing until the item is used, then reads it', async () => {
    const reads = storageReads();
    const item = defineOnUse<number>('local:probe', { fallback: 0, version: 1 });
    await settle();
    expect(reads.flatMap((read) => read.mock.calls)).toEqual([]);

    await fakeBrowser.storage.local.set({ probe: 7 });
    expect(await item.getValue()).toBe(7);
  });

  it('runs the item’s migrations before it gives out a value', async () => {
    await fakeBrowser.storage.local.set({ probe: 3, probe$: { v: 1 } });
    const item = defineOnUse<number>('local:probe', {
      fallback: 0,
      version: 2,
      migrations: { 2: (old: number) => old * 10 },
    });
    expect(await item.getValue()).toBe(30);
    expect(await fakeBrowser.storage.local.get(['probe', 'probe$'])).toEqual({ probe: 30, probe$: { v: 2 } });
  });

  it('gives its fallback and key as WXT’s item does', () => {
    const item = defineOnUse<string[]>('session:probe', { fallback: ['a'] });
    expect(item.key).toBe('session:probe');
    expect(item.fallback).toEqual(['a']);
  });

  it('leaves the worker’s start without a storage read when its modules are loaded', async () => {
    vi.resetModules();
    const reads = storageReads();
    await import('./items');
    await import('../../accounts/background/management-key');
    await import('../../lock/background/vault');
    await settle();
    expect(reads.flatMap((read) => read.mock.calls)).toEqual([]);
  });
});
