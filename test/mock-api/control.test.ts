// @vitest-environment node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectPace, type PaceKey } from '../../utils/card/pace';
import { clearKeyFields, paceFields, periodShares, setKeyFields } from './control.ts';
import { MOCK_MANAGEMENT_KEY, SAMPLE_HASHES } from './samples.ts';
import { startMockApi, type MockApi } from './server.ts';

const ACTIVE = SAMPLE_HASHES.active;
let api: MockApi;
beforeAll(async () => {
  api = await startMockApi();
});
afterAll(() => api.close());

const get = async () => {
  const response = await fetch(`${api.baseUrl}/keys/${ACTIVE}`, {
    headers: { authorization: `Bearer ${MOCK_MANAGEMENT_KEY}` },
  });
  return ((await response.json()) as { data: Record<string, unknown> }).data;
};

describe('the mock’s control endpoint', () => {
  it('sets fields of a sample over HTTP, and clears them, without being recorded as an API request', async () => {
    api.clearRequests();
    await setKeyFields(api, ACTIVE, { usage_monthly: 80, limit_remaining: 20 });
    expect(await get()).toMatchObject({ name: 'Production backend', usage_monthly: 80, limit_remaining: 20 });
    await clearKeyFields(api, ACTIVE);
    expect(await get()).toMatchObject({ usage_monthly: 42.75, limit_remaining: 57.25 });
    expect(api.requests.map((r) => r.url)).toEqual([`/api/v1/keys/${ACTIVE}`, `/api/v1/keys/${ACTIVE}`]);
  });

  it('refuses a client without the management key, and a body that is not an object', async () => {
    const put = (headers: Record<string, string>, body: string) =>
      fetch(`${api.origin}/__mock/keys/${ACTIVE}`, { method: 'PUT', headers, body });
    expect((await put({}, '{}')).status).toBe(401);
    expect((await put({ authorization: `Bearer ${MOCK_MANAGEMENT_KEY}` }, '[1]')).status).toBe(400);
    expect(api.overrides.has(ACTIVE)).toBe(false);
  });
});

describe('paceFields', () => {
  const pace = (now: Date, kind: 'runsOut' | 'calm') =>
    projectPace({ ...(paceFields(now, kind) as Partial<PaceKey>) } as PaceKey, now);

  it.each([
    '2026-11-26T14:05:00Z',
    '2026-12-01T01:00:00Z', // the 1st of a month, a Tuesday, at 1 am: the week has the room
    '2026-11-30T03:00:00Z', // a Monday at 3 am, the 30th: the day has the room
    '2026-12-06T23:30:00Z', // a Sunday night
  ])('at %s: "runsOut" runs out before the reset, "calm" does not', (iso) => {
    const now = new Date(iso);
    expect(pace(now, 'runsOut')).toMatchObject({ kind: 'projected', runsOutAt: expect.any(Date) });
    expect(pace(now, 'calm')).toMatchObject({ kind: 'projected', runsOutAt: null });
  });

  it('knows where a moment is in each period', () => {
    expect(periodShares(new Date('2026-11-26T12:00:00Z'))).toEqual({ daily: 0.5, weekly: 3.5 / 7, monthly: 25.5 / 30 });
  });
});
