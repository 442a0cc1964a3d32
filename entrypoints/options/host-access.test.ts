import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { requestHostAccess } from './host-access';

type Permissions = {
  request: (p: { origins: string[] }) => Promise<boolean>;
};
const permissions = fakeBrowser.permissions as unknown as Permissions;

describe('host access', () => {
  beforeEach(() => {
    permissions.request = vi.fn(async () => true);
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
