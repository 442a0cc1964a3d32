import type { ApiKey } from '@/utils/api-key';

/**
 * A Thursday, 19:00 UTC: the daily reset is 5 h away, the weekly one (Monday) 3 d 5 h away.
 * Every component test passes this as `now`, so no test reads the real clock.
 */
export const NOW = new Date('2026-11-26T19:00:00Z');

export const HASH = 'f01d52606dc8f0a8303a7b5cc3fa07109c2e346cec7c0a16b40de462992ce943';
export const OTHER_HASH = '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef';

/**
 * A complete key shaped like the mock API's "active" sample (test/mock-api/samples.ts), with fixed
 * times; tests override only what they examine.
 */
export function makeKey(overrides: Partial<ApiKey> = {}): ApiKey {
  return {
    hash: HASH,
    name: 'Production backend',
    label: 'sk-mg-v1-7f3…a91',
    disabled: false,
    expires_at: null,
    created_at: '2026-11-23T19:00:00Z',
    updated_at: '2026-11-26T14:00:00Z',
    creator_user_id: 'user_2mK8pQ4rT6vX9zB1cD3fG5hJ7k',
    workspace_id: '8f3b2c1a-5d6e-4f70-9a1b-2c3d4e5f6a7b',
    limit: 100,
    limit_remaining: 57.25,
    limit_reset: 'daily',
    include_byok_in_limit: false,
    usage: 1234.5,
    usage_daily: 42.75,
    usage_weekly: 180.1,
    usage_monthly: 612,
    byok_usage: 0,
    byok_usage_daily: 0,
    byok_usage_weekly: 0,
    byok_usage_monthly: 0,
    ...overrides,
  };
}

/** Strings an attacker could put into a key's name or label to try to get markup run. */
export const HOSTILE_STRINGS = [
  '<img src=x onerror=alert(1)>',
  '</script><script>alert(1)</script>',
  '"><svg onload=alert(1)>',
];
