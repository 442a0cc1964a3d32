import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { restrictStorageToExtension } from './access-level';

type Area = { setAccessLevel?: unknown };
const areas = fakeBrowser.storage as unknown as Record<'local' | 'session', Area>;

describe('restrictStorageToExtension', () => {
  afterEach(() => {
    delete areas.local.setAccessLevel;
    delete areas.session.setAccessLevel;
  });

  it('sets both areas to trusted contexts where the browser offers it', async () => {
    const local = vi.fn(async () => {});
    const session = vi.fn(async () => {});
    areas.local.setAccessLevel = local;
    areas.session.setAccessLevel = session;
    expect(await restrictStorageToExtension()).toEqual(['local', 'session']);
    expect(local).toHaveBeenCalledWith({ accessLevel: 'TRUSTED_CONTEXTS' });
    expect(session).toHaveBeenCalledWith({ accessLevel: 'TRUSTED_CONTEXTS' });
  });

  it('keeps going where an area refuses, and where the call does not exist', async () => {
    areas.session.setAccessLevel = vi.fn(async () => {
      throw new Error('not supported');
    });
    expect(await restrictStorageToExtension()).toEqual([]);
  });
});
