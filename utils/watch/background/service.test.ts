// @vitest-environment node
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { startMockApi, type MockApi } from '@/test/mock-api/server';
import { MOCK_MANAGEMENT_KEY, SAMPLE_HASHES } from '@/test/mock-api/samples';
import type { KeyHash } from '../../hash-input';
import { DEFAULT_SETTINGS, FIRST_ACCOUNT } from '../../settings/settings';
import { MINUTE_MS } from '../../time';
import { lookUp } from '../../lookup/background/lookup-service';
import { settingsItem } from '../../storage/background/items';
import { saveManagementKeys } from '../../accounts/background/management-key';
import { alertSettingsItem, MAX_WATCHED, watchlistItem, type WatchEntry } from './watchlist';
import { ensureWatchAlarm, onAlarm, WATCH_ALARM } from './alarm';
import { checkWatched, setCheckEffects } from './check';
import { notifyAlerts } from './notify';
import { paintToolbar } from './toolbar-attention';
import { checkNow, listWatched, unwatchKey, watchKey, watchStatus } from './service';

// The real services against the real mock API; only the clock (Date) is fixed, and moved by hand.
let api: MockApi;
const ACTIVE = SAMPLE_HASHES.active as KeyHash;
const T0 = new Date('2026-11-26T14:05:00Z');
const later = (minutes: number) => vi.setSystemTime(T0.getTime() + minutes * MINUTE_MS);
const at85 = () => api.overrides.set(ACTIVE, { limit_remaining: 15 });
const badge = async () => ({
  text: await fakeBrowser.action.getBadgeText({}),
  title: await fakeBrowser.action.getTitle({}),
});
const notifications = () => Object.values(fakeBrowser.notifications.getAllCreateOptions()).map((n) => n.message);
const keyRequests = () => api.requests.filter((r) => r.method === 'GET').length;

beforeAll(async () => {
  api = await startMockApi({ now: () => new Date() });
});
afterAll(() => api.close());
beforeEach(async () => {
  fakeBrowser.reset();
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(T0);
  api.clearRequests();
  api.overrides.clear();
  await settingsItem.setValue({ ...DEFAULT_SETTINGS, accounts: [{ ...FIRST_ACCOUNT, baseUrl: api.baseUrl }] });
  await saveManagementKeys({ [FIRST_ACCOUNT.id]: MOCK_MANAGEMENT_KEY });
  // The fake browser has no permissions API: notifications count as allowed.
  vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(async () => true);
  setCheckEffects({ onAlerts: notifyAlerts, onChecked: () => paintToolbar(new Date()) });
});
afterEach(() => vi.useRealTimers());

/** Looks the key up (so its card is cached), then watches it from the card, as the popup does. */
async function watchFromCard(hash = ACTIVE) {
  await lookUp(hash, 'popup');
  return watchKey({ hash });
}

describe('watching a key', () => {
  it('takes the card’s answer as its first state: no request, no alert, and the alarm is set for 30 minutes', async () => {
    await lookUp(ACTIVE, 'popup');
    const before = keyRequests();
    expect(await watchKey({ hash: ACTIVE })).toEqual({ ok: true, watching: true, samples: 1 });
    expect(keyRequests()).toBe(before);
    expect(await watchStatus({ hash: ACTIVE })).toEqual({ ok: true, watching: true, samples: 1 });
    const { entries } = await listWatched();
    // Checked when the card was fetched; the card already showed it at 42 %, so nothing needs attention.
    expect(entries).toMatchObject([{ hash: ACTIVE, checked: 'Checked now', attention: [] }]);
    expect(entries[0]).not.toHaveProperty('account');
    expect(notifications()).toEqual([]);
    expect(await fakeBrowser.alarms.get(WATCH_ALARM)).toMatchObject({ periodInMinutes: 30 });
  });

  it('keeps no key and no usage figures but the limit, what is left of it and this period’s spend', async () => {
    await watchFromCard();
    const stored = JSON.stringify(await watchlistItem.getValue());
    expect(stored).not.toContain(MOCK_MANAGEMENT_KEY);
    for (const field of ['usage', 'byok_usage', 'label', 'creator_user_id']) expect(stored).not.toContain(`"${field}"`);
    expect(stored).toContain('"usage_monthly":42.75');
  });

  it('stops at 200 keys and says so', async () => {
    const entry = (i: number): WatchEntry => ({
      hash: i.toString(16).padStart(64, '0'),
      accountId: FIRST_ACCOUNT.id,
      addedAt: T0.toISOString(),
      state: { key: null, checkedAt: null, failedAt: null, gone: false, raised: [] },
    });
    await watchlistItem.setValue(Array.from({ length: MAX_WATCHED }, (_, i) => entry(i)));
    expect(await watchFromCard()).toEqual({ ok: false, message: expect.stringContaining('200 keys') });
    expect(await watchlistItem.getValue()).toHaveLength(MAX_WATCHED);
  });

  it('refuses an account that is not saved, and a missing account when there are several', async () => {
    expect(await watchKey({ hash: ACTIVE, accountId: 'nope' })).toMatchObject({ ok: false });
    await settingsItem.setValue({
      ...DEFAULT_SETTINGS,
      accounts: [
        { ...FIRST_ACCOUNT, baseUrl: api.baseUrl },
        { id: 'stage', name: 'Staging', baseUrl: api.baseUrl },
      ],
    });
    expect(await watchKey({ hash: ACTIVE })).toMatchObject({ ok: false });
    expect(await watchlistItem.getValue()).toEqual([]);
  });

  it('unwatching takes it off the list and clears the alarm with the last one', async () => {
    await watchFromCard();
    expect(await unwatchKey({ hash: ACTIVE, history: 'delete' })).toEqual({ ok: true, watching: false, samples: 0 });
    expect(await listWatched()).toMatchObject({ entries: [] });
    expect(await fakeBrowser.alarms.get(WATCH_ALARM)).toBeUndefined();
  });
});

describe('checking', () => {
  it('alerts once when the key crosses 80 %, on the toolbar and in a notification naming the key', async () => {
    await watchFromCard();
    later(31); // The card's cached answer is stale by now: the check asks the API.
    at85();
    await alertSettingsItem.setValue({ thresholds: [80, 100], intervalMinutes: 30, notify: true, paceAlert: true });
    await checkNow();
    expect(notifications()).toEqual(['Production backend: 85% of limit used']);
    expect(await badge()).toEqual({
      text: '!1',
      // The last lookup's status stays in the tooltip, after what needs attention.
      title:
        '1 watched key needs attention (Production backend: 85% of limit used). ' +
        'Last lookup: Production backend (Active, No expiry)',
    });
    later(62);
    await checkNow();
    expect(notifications()).toHaveLength(1);
  });

  it('does not repeat an alert after a restart: what was raised is in storage', async () => {
    await watchFromCard();
    later(31);
    at85();
    expect(await checkWatched()).toHaveLength(1);
    // A restart loses everything but storage.
    const local = await fakeBrowser.storage.local.get();
    fakeBrowser.reset();
    await fakeBrowser.storage.local.set(local);
    later(62);
    expect(await checkWatched()).toEqual([]);
  });

  it('shows no notification unless they are turned on and allowed', async () => {
    await watchFromCard();
    later(31);
    at85();
    await checkNow();
    expect(notifications()).toEqual([]);
    expect((await badge()).text).toBe('!1');
  });

  it('keeps the last good state when a check fails, says when it was last checked, and raises nothing', async () => {
    await watchFromCard();
    later(31);
    at85();
    await saveManagementKeys({ [FIRST_ACCOUNT.id]: 'sk-mg-mgmt-revoked' });
    expect(await checkWatched()).toEqual([]);
    later(33);
    expect((await listWatched()).entries).toEqual([
      {
        hash: ACTIVE,
        accountId: FIRST_ACCOUNT.id,
        name: 'Production backend',
        status: { text: 'Active', tone: 'ok' },
        facts: '42% of limit used · No expiry',
        attention: [],
        checked: 'Last checked 33 minutes ago; the check 2 minutes ago failed',
        pace: { text: 'At this pace: about $50 by the reset (limit $100)', warning: false },
        spark: [42.75],
      },
    ]);
    expect((await badge()).text).toBe('OK');
  });

  it('alerts once when the key no longer exists', async () => {
    await watchFromCard();
    later(31);
    api.holds.delete(ACTIVE);
    try {
      expect((await checkWatched()).map((r) => r.alert.text)).toEqual(['No longer exists']);
      expect(await checkWatched()).toEqual([]);
    } finally {
      api.holds.add(ACTIVE);
    }
  });

  it('answers from the result cache while it is fresh', async () => {
    await watchFromCard();
    const before = keyRequests();
    later(0.5);
    await checkWatched();
    expect(keyRequests()).toBe(before);
  });
});

describe('the alarm', () => {
  it('is put back at start when it is missing, and left alone when it is right', async () => {
    await watchFromCard();
    await fakeBrowser.alarms.clearAll();
    await ensureWatchAlarm();
    const alarm = await fakeBrowser.alarms.get(WATCH_ALARM);
    expect(alarm).toMatchObject({ periodInMinutes: 30, scheduledTime: T0.getTime() + 30 * MINUTE_MS });
    later(10);
    await ensureWatchAlarm();
    expect(await fakeBrowser.alarms.get(WATCH_ALARM)).toEqual(alarm);
  });

  it('follows a new interval', async () => {
    await watchFromCard();
    await alertSettingsItem.setValue({ thresholds: [80, 100], intervalMinutes: 5, notify: false, paceAlert: true });
    await ensureWatchAlarm();
    expect(await fakeBrowser.alarms.get(WATCH_ALARM)).toMatchObject({ periodInMinutes: 5 });
  });

  it('runs a check when it fires', async () => {
    await watchFromCard();
    later(31);
    at85();
    await onAlarm({ name: WATCH_ALARM, scheduledTime: Date.now(), persistAcrossSessions: true });
    expect((await badge()).text).toBe('!1');
  });
});

describe('the pace alert', () => {
  // Checked at 14:36 with $70 of a daily $100 spent: $4.79 an hour, the $30 left is gone by 20:52.
  const onPace = () => api.overrides.set(ACTIVE, { limit_reset: 'daily', usage_daily: 70, limit_remaining: 30 });

  it.each([
    [true, ['Production backend: On pace to reach its limit before the reset (in about 6 h)']],
    [false, []],
  ])('with "Alert when a key is on pace…" %s, a check raises %j', async (paceAlert, expected) => {
    await watchFromCard();
    later(31);
    onPace();
    await alertSettingsItem.setValue({ thresholds: [80, 100], intervalMinutes: 30, notify: true, paceAlert });
    await checkNow();
    expect(notifications()).toEqual(expected);
  });
});
