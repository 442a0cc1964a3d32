import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { explainUnreachable, hasHostPermission } from './host-permission';
import type { LookupResult } from '../../lookup/lookup-result';

type Permissions = { contains: (p: { origins: string[] }) => Promise<boolean> };
const permissions = fakeBrowser.permissions as unknown as Permissions;

const DEFAULT_URL = 'https://modelgates.ai/api/v1';
const unreachable: LookupResult = { ok: false, error: { kind: 'network', origin: 'https://modelgates.ai' } };

describe('host permission', () => {
  let granted: boolean;
  beforeEach(() => {
    granted = true;
    permissions.contains = vi.fn(async () => granted);
  });

  it.each([
    ['the default origin (Firefox lets a user revoke it)', DEFAULT_URL, 'https://modelgates.ai/*'],
    ['another origin, whatever its port', 'http://127.0.0.1:8787/api/v1', 'http://127.0.0.1/*'],
  ])('asks the browser about %s, by its match pattern', async (_case, baseUrl, pattern) => {
    expect(await hasHostPermission(baseUrl)).toBe(true);
    granted = false;
    expect(await hasHostPermission(baseUrl)).toBe(false);
    expect(permissions.contains).toHaveBeenCalledWith({ origins: [pattern] });
  });

  it('reads an error from the browser as no grant', async () => {
    permissions.contains = vi.fn(async () => {
      throw new Error('permissions API unavailable');
    });
    expect(await hasHostPermission(DEFAULT_URL)).toBe(false);
  });

  it('marks an unreachable API reached without a grant', async () => {
    granted = false;
    expect(await explainUnreachable(unreachable, DEFAULT_URL)).toEqual({
      ok: false,
      error: { kind: 'network', origin: 'https://modelgates.ai', withoutGrant: true },
    });
  });

  it.each<[string, LookupResult, boolean]>([
    ['an unreachable API with the grant in place', unreachable, true],
    ['an answer', { ok: true, key: { hash: 'h' }, fetchedAt: '2026-11-26T12:00:00Z' }, false],
    ['an API error, which did arrive', { ok: false, error: { kind: 'server_error', status: 502 } }, false],
    ['a timeout', { ok: false, error: { kind: 'timeout', seconds: 10 } }, false],
  ])('leaves %s as it is', async (_case, result, grant) => {
    granted = grant;
    expect(await explainUnreachable(result, DEFAULT_URL)).toBe(result);
  });
});
