// @vitest-environment node
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { makeKey } from '@/test/fixtures/key';
import type { ApiKey } from '../../api-key';
import { DEFAULT_SETTINGS, FIRST_ACCOUNT } from '../../settings/settings';
import { settingsItem } from '../../storage/background/items';
import { saveManagementKeys } from '../../accounts/background/management-key';
import { cacheKey } from '../../lookup/background/result-cache';
import { UNCHECKED, type WatchState } from '../alerts';
import { watchlistItem, type WatchEntry } from './watchlist';
import { checkWatched, setCheckEffects, type RaisedNow } from './check';

// The watchlist's check against a fake API (fetch) and the fake browser's storage. The clock the
// check is given runs 20 s ahead of the system's (which the request and the API go by): every time
// the check itself reads must come from the clock it is given.
const SYSTEM_NOW = new Date('2026-11-26T15:00:00Z');
const AHEAD_MS = 20_000;
const HOUR_MS = 60 * 60 * 1000;
const clock = () => new Date(Date.now() + AHEAD_MS);

const PROD = { ...FIRST_ACCOUNT, baseUrl: 'https://prod.example/api/v1' };
const STAGING = { id: 'staging', name: 'Staging', baseUrl: 'https://staging.example/api/v1' };
const hashOf = (n: number) => n.toString(16).padStart(64, 'a');
const ONE = hashOf(1);

/** A key at `percent` % of a $100 limit, with no expiry and no reset. */
const keyAt = (hash: string, percent: number, name = 'Production backend'): ApiKey =>
  makeKey({
    hash,
    name,
    disabled: false,
    expires_at: null,
    limit: 100,
    limit_remaining: 100 - percent,
    limit_reset: null,
  });

/** A watched key as a good check left it, two hours ago, at 42 % of its limit. */
function watched(hash: string, accountId: string = PROD.id, key: ApiKey | null = keyAt(hash, 42)): WatchEntry {
  const at = new Date(SYSTEM_NOW.getTime() - 2 * HOUR_MS).toISOString();
  const state: WatchState = key ? { key, checkedAt: at, failedAt: null, gone: false, raised: [] } : UNCHECKED;
  return { hash, accountId, addedAt: at, state };
}

type Answer = (hash: string, accountId: string) => Response;
const found = (key: ApiKey) => Response.json({ data: key });
const refused = (status: number, headers: Record<string, string> = {}) =>
  Response.json({ error: { code: status, message: `Refused with ${status}` } }, { status, headers });

/** Requests the check sent, as "account hash"; answered by `answer`. */
let asked: string[];
let answer: Answer;
let alerts: ReturnType<typeof vi.fn<(raised: RaisedNow[]) => Promise<void>>>;
let checked: ReturnType<typeof vi.fn<() => Promise<void>>>;

beforeEach(async () => {
  fakeBrowser.reset();
  vi.useFakeTimers({ now: SYSTEM_NOW, toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
  asked = [];
  answer = (hash) => found(keyAt(hash, 42));
  vi.spyOn(globalThis, 'fetch').mockImplementation(async (url) => {
    const { origin, pathname } = new URL(String(url));
    const account = origin === new URL(PROD.baseUrl).origin ? PROD.id : STAGING.id;
    const hash = pathname.split('/').at(-1) ?? '';
    asked.push(`${account} ${hash}`);
    return answer(hash, account);
  });
  alerts = vi.fn(async () => {});
  checked = vi.fn(async () => {});
  setCheckEffects({ onAlerts: alerts, onChecked: checked });
  await settingsItem.setValue({ ...DEFAULT_SETTINGS, accounts: [PROD, STAGING] });
  await saveManagementKeys({ [PROD.id]: 'sk-mg-prod-key', [STAGING.id]: 'sk-mg-staging-key' });
});
afterEach(async () => {
  // A check left waiting (a failed test) would be joined by the next test's: let it end.
  await vi.runAllTimersAsync();
  vi.useRealTimers();
});

const stored = async () => (await watchlistItem.getValue()).map((entry) => entry.state);

describe('checkWatched', () => {
  it('answers from the result cache while it is fresh by the clock it is given, and asks nothing', async () => {
    const fetchedAt = new Date(clock().getTime() - 10_000).toISOString();
    await cacheKey(PROD.id, ONE, keyAt(ONE, 50, 'From the cache'), fetchedAt);
    await watchlistItem.setValue([watched(ONE)]);
    await checkWatched(undefined, clock);
    expect(asked).toEqual([]);
    const [state] = await stored();
    expect(state).toMatchObject({
      key: { name: 'From the cache', limit_remaining: 50 },
      checkedAt: clock().toISOString(),
    });
  });

  it('asks the API once the cached answer is stale, and stores what it says', async () => {
    await cacheKey(PROD.id, ONE, keyAt(ONE, 50, 'From the cache'), new Date(clock().getTime() - 61_000).toISOString());
    await watchlistItem.setValue([watched(ONE)]);
    answer = (hash) => found(keyAt(hash, 60, 'Renamed since'));
    await checkWatched(undefined, clock);
    expect(asked).toEqual([`${PROD.id} ${ONE}`]);
    expect((await stored())[0]?.key).toMatchObject({ name: 'Renamed since', limit_remaining: 40 });
  });

  it('takes a 404 as a key that no longer exists, and alerts about it once', async () => {
    await watchlistItem.setValue([watched(ONE)]);
    answer = () => refused(404);
    const raised = await checkWatched(undefined, clock);
    expect(raised.map((r) => r.alert.text)).toEqual(['No longer exists']);
    expect((await stored())[0]).toMatchObject({ gone: true, checkedAt: clock().toISOString(), failedAt: null });
    expect(await checkWatched(undefined, clock)).toEqual([]);
    expect(alerts).toHaveBeenCalledTimes(1);
  });

  it('alerts once when a limit threshold is crossed, after the state (alert included) is stored', async () => {
    await watchlistItem.setValue([watched(ONE)]);
    answer = (hash) => found(keyAt(hash, 85));
    let storedWhenTold: WatchState[] = [];
    alerts.mockImplementation(async () => {
      storedWhenTold = await stored();
    });
    const raised = await checkWatched(undefined, clock);
    expect(raised.map((r) => r.alert.text)).toEqual(['85% of limit used']);
    expect(alerts).toHaveBeenCalledWith(raised);
    expect(storedWhenTold[0]?.raised).toEqual([{ kind: 'spend', threshold: 80, period: 'once' }]);
    expect(checked).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(2 * 60_000); // past the cache: the API is asked again
    expect(await checkWatched(undefined, clock)).toEqual([]);
    expect(asked).toHaveLength(2);
    expect(alerts).toHaveBeenCalledTimes(1);
  });

  it('after a 429, pauses the account until Retry-After as the clock it is given counts it', async () => {
    await watchlistItem.setValue([watched(ONE)]);
    // 30 s from now by the system's clock, so 10 s from now by the check's.
    const retryAt = new Date(Date.now() + 30_000).toUTCString();
    let calls = 0;
    answer = (hash) => (++calls === 1 ? refused(429, { 'Retry-After': retryAt }) : found(keyAt(hash, 50)));
    const checking = checkWatched(undefined, clock);
    await vi.advanceTimersByTimeAsync(30_000 - AHEAD_MS - 1);
    expect(asked).toEqual([`${PROD.id} ${ONE}`]);
    await vi.advanceTimersByTimeAsync(1);
    expect(asked).toEqual([`${PROD.id} ${ONE}`, `${PROD.id} ${ONE}`]);
    expect(await checking).toEqual([]);
    expect((await stored())[0]).toMatchObject({ key: { limit_remaining: 50 }, failedAt: null });
  });

  it('stops asking an account whose management key is refused (401), and goes on with the others', async () => {
    const prodKeys = [hashOf(1), hashOf(2), hashOf(3)];
    await watchlistItem.setValue([...prodKeys.map((hash) => watched(hash)), watched(hashOf(4), STAGING.id)]);
    answer = (hash, account) => (account === PROD.id ? refused(401) : found(keyAt(hash, 42, 'Staging key')));
    const raised = await checkWatched(undefined, clock);
    expect(raised).toEqual([]);
    // Two at a time per account: the third production key is never asked.
    expect(asked.filter((line) => line.startsWith(PROD.id))).toHaveLength(2);
    expect(asked).toContain(`${STAGING.id} ${hashOf(4)}`);
    const states = await stored();
    for (const state of states.slice(0, 3)) expect(state.failedAt).toBe(clock().toISOString());
    expect(states[3]).toMatchObject({ key: { name: 'Staging key' }, checkedAt: clock().toISOString(), failedAt: null });
  });

  it('keeps the last good state when a check fails, noting only when it failed, and raises nothing', async () => {
    const before = watched(ONE);
    await watchlistItem.setValue([before]);
    answer = () => refused(403);
    expect(await checkWatched(undefined, clock)).toEqual([]);
    expect(await stored()).toEqual([{ ...before.state, failedAt: clock().toISOString() }]);
    expect(alerts).not.toHaveBeenCalled();
  });

  it('checks only the keys it is given, and none of an account no longer saved', async () => {
    const gone = { ...watched(hashOf(5)), accountId: 'removed-account' };
    await watchlistItem.setValue([watched(hashOf(1)), watched(hashOf(2)), gone]);
    await checkWatched([watched(hashOf(2)), gone], clock);
    expect(asked).toEqual([`${PROD.id} ${hashOf(2)}`]);
  });
});
