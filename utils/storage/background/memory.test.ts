import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import { change, changeKept, type Kept, readKept } from './memory';

const probe: Kept<Record<string, unknown>> = {
  item: storage.defineItem<Record<string, unknown>>('session:probe', { fallback: {} }),
  version: 1,
};
/** A change event as the browser sends it, for a write made elsewhere or echoing ours. */
const changed = (newValue: unknown) =>
  (fakeBrowser.storage.onChanged as unknown as { trigger: (...args: unknown[]) => Promise<unknown> }).trigger(
    { probe: { newValue } },
    'session',
  );

describe('what the worker keeps in memory', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps its own write when the change event hands it back with the keys sorted (as Chromium does)', async () => {
    await changeKept(change(probe, () => ({ zeta: 1, alpha: { b: 2, a: [3, { y: 1, x: 2 }] } })));
    const get = vi.spyOn(fakeBrowser.storage.session, 'get');
    await changed({ alpha: { a: [3, { x: 2, y: 1 }], b: 2 }, zeta: 1 });
    expect(await readKept(probe)).toEqual({ zeta: 1, alpha: { b: 2, a: [3, { y: 1, x: 2 }] } });
    expect(get).not.toHaveBeenCalled();
  });

  it('drops a value changed elsewhere, and reads the new one on next use', async () => {
    await changeKept(change(probe, () => ({ a: 1 })));
    await fakeBrowser.storage.session.set({ probe: { a: 2 } });
    const get = vi.spyOn(fakeBrowser.storage.session, 'get');
    expect(await readKept(probe)).toEqual({ a: 2 });
    expect(get).toHaveBeenCalledTimes(1);
  });

  it('writes the changes of one batch with one set per area, each value beside its version', async () => {
    const set = vi.spyOn(fakeBrowser.storage.session, 'set');
    await changeKept(change(probe, () => ({ a: 1 })));
    expect(set.mock.calls).toEqual([[{ probe: { a: 1 }, probe$: { v: 1 } }]]);
  });

  it('writes nothing for a change that leaves the item as it is', async () => {
    await changeKept(change(probe, () => ({ a: 1 })));
    const set = vi.spyOn(fakeBrowser.storage.session, 'set');
    const remove = vi.spyOn(fakeBrowser.storage.session, 'remove');
    await changeKept(change(probe, (current) => current));
    expect(set).not.toHaveBeenCalled();
    await changeKept(change(probe, () => undefined));
    expect(remove).toHaveBeenCalledTimes(1);
    await changeKept(change(probe, () => undefined));
    expect(remove).toHaveBeenCalledTimes(1);
    expect(await readKept(probe)).toEqual({});
  });
});
