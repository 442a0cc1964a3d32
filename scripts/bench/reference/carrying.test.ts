import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CARRYING_WORKER, carriedFrom, listenedEvents, makeCarrying, STARTUP_LISTENERS } from './carrying';
import { REFERENCE_WORKER } from './messages';

/** A fake event: `hasListeners` as Chrome's events have it. */
const event = (listened: boolean) => ({ hasListeners: () => listened, addListener: () => {} });

describe('listenedEvents', () => {
  it('names the events with a listener, namespace first, sorted, and skips what is not an event', () => {
    const api = {
      runtime: { onMessage: event(true), onInstalled: event(false), id: 'abc', getURL: () => '' },
      alarms: { onAlarm: event(true) },
      loadTimes: () => ({}),
      missing: null,
    };
    expect(listenedEvents(api)).toEqual(['alarms.onAlarm', 'runtime.onMessage']);
  });
});

describe('makeCarrying', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'carrying-'));
    await writeFile(join(dir, REFERENCE_WORKER), 'referenceWorker();');
    await writeFile(
      join(dir, 'manifest.json'),
      JSON.stringify({
        name: 'Bench reference',
        permissions: ['storage'],
        background: { service_worker: REFERENCE_WORKER },
      }),
    );
    await writeFile(join(dir, 'ours.js'), 'oursAtStart();');
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('writes the reference worker, then ours in a function never called, then every listener', async () => {
    await makeCarrying(dir, join(dir, 'ours.js'));
    const script = await readFile(join(dir, CARRYING_WORKER), 'utf8');
    const calls: string[] = [];
    const registered: string[] = [];
    const api = new Proxy(
      {},
      {
        get: (_, namespace) =>
          new Proxy(
            {},
            { get: (__, name) => ({ addListener: () => registered.push(`${String(namespace)}.${String(name)}`) }) },
          ),
      },
    );
    // The script reads the worker's `browser` global: this test's own is put back after.
    const own = Object.getOwnPropertyDescriptor(globalThis, 'browser');
    Object.defineProperty(globalThis, 'browser', { value: api, configurable: true });
    try {
      new Function('referenceWorker', 'oursAtStart', script)(
        () => calls.push('reference'),
        () => calls.push('ours'),
      );
    } finally {
      if (own) Object.defineProperty(globalThis, 'browser', own);
      else delete (globalThis as { browser?: unknown }).browser;
    }
    // Ours is carried, never run; the reference's worker runs.
    expect(calls).toEqual(['reference']);
    expect(script).toContain('function carriedWorkerScript() {\noursAtStart();\n}');
    const expected = Object.entries(STARTUP_LISTENERS).flatMap(([name, count]) => Array<string>(count).fill(name));
    expect(registered).toEqual(expected);
  });

  it('carries none of our script with BENCH_FLOOR=listeners, and registers the same listeners', async () => {
    await makeCarrying(dir, join(dir, 'ours.js'), 'listeners');
    const script = await readFile(join(dir, CARRYING_WORKER), 'utf8');
    expect(script).not.toContain('oursAtStart');
    expect(script).toContain('function carriedWorkerScript() {\n\n}');
    for (const event of Object.keys(STARTUP_LISTENERS)) expect(script).toContain(`api.${event}.addListener`);
  });

  it('names the new script in the manifest and asks for what the events need', async () => {
    await makeCarrying(dir, join(dir, 'ours.js'));
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest.background).toEqual({ service_worker: CARRYING_WORKER });
    expect(manifest.permissions).toEqual(['storage', 'contextMenus', 'alarms', 'idle']);
    expect(manifest).toHaveProperty('omnibox.keyword');
    expect(manifest).toHaveProperty('commands');
  });
});

describe('carriedFrom (BENCH_FLOOR)', () => {
  it('is our script unless told otherwise, the listeners alone when asked, and refuses anything else', () => {
    expect(carriedFrom(undefined)).toBe('script');
    expect(carriedFrom('')).toBe('script');
    expect(carriedFrom('script')).toBe('script');
    expect(carriedFrom('listeners')).toBe('listeners');
    expect(() => carriedFrom('none')).toThrow('BENCH_FLOOR is "none"');
  });
});
