import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { hasHostAccess, requestHostAccess } from './host-access';

type Permissions = {
  contains: (p: { origins: string[] }) => Promise<boolean>;
  request: (p: { origins: string[] }) => Promise<boolean>;
};
const permissions = fakeBrowser.permissions as unknown as Permissions;

describe('host access', () => {
  beforeEach(() => {
    permissions.contains = vi.fn(async () => false);
    permissions.request = vi.fn(async () => true);
  });

  it('asks about the default API origin too: Firefox lets a user revoke it', async () => {
    expect(await hasHostAccess('https://modelgates.ai/api/v1')).toBe(false);
    expect(permissions.contains).toHaveBeenCalledWith({ origins: ['https://modelgates.ai/*'] });
  });

  it('asks the browser about any other origin, by its match pattern', async () => {
    expect(await hasHostAccess('http://127.0.0.1:8787/api/v1')).toBe(false);
    expect(permissions.contains).toHaveBeenCalledWith({ origins: ['http://127.0.0.1/*'] });
  });

  it('requests that origin only, and reads a refusal or an error as no grant', async () => {
    expect(await requestHostAccess('https://staging.modelgates.ai/api/v1')).toBe(true);
    expect(permissions.request).toHaveBeenCalledWith({ origins: ['https://staging.modelgates.ai/*'] });
    permissions.request = vi.fn(async () => {
      throw new Error('must be called during a user gesture');
    });
    expect(await requestHostAccess('https://staging.modelgates.ai/api/v1')).toBe(false);
  });
});
