// @vitest-environment node
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { FAULT_HASHES, MOCK_MANAGEMENT_KEY, SAMPLE_HASHES, UNKNOWN_HASH } from '@/test/mock-api/samples';
import { startMockApi, type MockApi } from '@/test/mock-api/server';
import { SECRET_KEY_MESSAGE } from '../../hash-input';
import type { OmniboxSuggestion } from '../suggestion';
import { DEFAULT_SETTINGS, FIRST_ACCOUNT } from '../../settings/settings';
import { onOmniboxInputCancelled, onOmniboxInputChanged, onOmniboxInputEntered, TYPING_PAUSE_MS } from './listeners';
import { historyItem, settingsItem } from '../../storage/background/items';
import { saveManagementKeys } from '../../accounts/background/management-key';
import { watchlistItem, type WatchEntry } from '../../watch/background/watchlist';

// The real listeners against the real mock API: what the address bar is told, and what the server
// received. The worker's lookup service does the asking, cache and history included.
let api: MockApi;
let defaults: string[];
let create: ReturnType<typeof vi.fn>;
let update: ReturnType<typeof vi.fn>;

beforeAll(async () => {
  // The slow hash answers long after any test here ends: a lookup that was not aborted keeps its
  // test waiting until it times out.
  api = await startMockApi();
});
afterAll(() => api.close());
afterEach(() => {
  vi.useRealTimers();
});
beforeEach(async () => {
  fakeBrowser.reset();
  api.clearRequests();
  defaults = [];
  fakeBrowser.omnibox.setDefaultSuggestion = (async ({ description }: { description: string }) => {
    defaults.push(description);
  }) as typeof fakeBrowser.omnibox.setDefaultSuggestion;
  create = vi.fn(async () => ({}));
  update = vi.fn(async () => ({}));
  fakeBrowser.tabs.create = create as unknown as typeof fakeBrowser.tabs.create;
  fakeBrowser.tabs.update = update as unknown as typeof fakeBrowser.tabs.update;
  await settingsItem.setValue({ ...DEFAULT_SETTINGS, accounts: [{ ...FIRST_ACCOUNT, baseUrl: api.baseUrl }] });
  await saveManagementKeys({ [FIRST_ACCOUNT.id]: MOCK_MANAGEMENT_KEY });
  // The sample's pace depends on the day of the month this runs on: without a reset it has none,
  // so the lines stay the same every day (the run-out words: suggestion.test.ts).
  api.overrides.set(SAMPLE_HASHES.active, { limit_reset: null });
});

const keyRequests = () => api.requests.filter((r) => r.method === 'GET').map((r) => r.url);

/** From here on the pause in typing runs on the fake clock; the mock API still answers at once. */
const pauseOnFakeClock = () => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });

/** Types `text` after `mg `, and collects what the listener suggests. */
function type(text: string): { done: Promise<void>; rows: OmniboxSuggestion[][] } {
  const rows: OmniboxSuggestion[][] = [];
  return { done: onOmniboxInputChanged(text, (list) => rows.push(list)), rows };
}

describe('a whole hash in the address bar', () => {
  it('says it is looking, then names the key after a pause in typing (XML-escaped for Chrome)', async () => {
    const typed = type(`see https://modelgates.ai/api/v1/keys/${SAMPLE_HASHES.active} `);
    expect(defaults).toEqual(['Looking up 16ad3f43…427150…']);
    expect(keyRequests()).toEqual([]);
    await typed.done;
    const line = 'Production backend · Active · $42.75 of $100.00 used';
    expect(defaults.at(-1)).toBe(line);
    expect(typed.rows.at(-1)).toEqual([{ content: SAMPLE_HASHES.active, description: line }]);
    expect(keyRequests()).toEqual([`/api/v1/keys/${SAMPLE_HASHES.active}`]);
  });

  it('asks once for a hash typed on, and answers a repeat from the cache', async () => {
    const first = type(SAMPLE_HASHES.hostile);
    const second = type(` ${SAMPLE_HASHES.hostile}`);
    await Promise.all([first.done, second.done]);
    expect(first.rows.at(-1)).toEqual([]);
    expect(second.rows.at(-1)?.[0]?.description).toBe(
      '&lt;img src=x onerror=alert(1)&gt; · Active · $0.00 of $10.00 used',
    );
    await type('').done;
    await type(SAMPLE_HASHES.hostile).done;
    expect(keyRequests()).toEqual([`/api/v1/keys/${SAMPLE_HASHES.hostile}`]);
  });

  it('says when no account has the hash', async () => {
    const typed = type(UNKNOWN_HASH);
    await typed.done;
    expect(defaults.at(-1)).toBe('b08aac59…2fc3db · No key with this hash');
  });

  it('aborts the lookup in flight when the input changes, and never shows its answer', async () => {
    const slow = type(FAULT_HASHES.slow);
    await vi.waitFor(() => expect(keyRequests()).toEqual([`/api/v1/keys/${FAULT_HASHES.slow}`]));
    const changed = type('prod');
    // Only an aborted request ends before the slow answer, which comes long after the test's timeout.
    await Promise.all([slow.done, changed.done]);
    expect(await historyItem.getValue()).toEqual([]);
    expect(defaults.at(-1)).toBe('No key hash, and nothing in your history or watched keys matches “prod”');
    expect(slow.rows).toEqual([[]]);
  });
});

describe('leaving the address bar', () => {
  it('aborts the lookup in flight, which never reaches the history', async () => {
    const slow = type(FAULT_HASHES.slow);
    await vi.waitFor(() => expect(keyRequests()).toEqual([`/api/v1/keys/${FAULT_HASHES.slow}`]));
    onOmniboxInputCancelled();
    // As above: only an aborted lookup lets this end within the test's timeout.
    await slow.done;
    expect(await historyItem.getValue()).toEqual([]);
    expect(slow.rows).toEqual([[]]);
  });

  it('ends the pause, so that nothing is asked', async () => {
    pauseOnFakeClock();
    const typed = type(SAMPLE_HASHES.active);
    onOmniboxInputCancelled();
    // Past the pause: a lookup it still started would be awaited by `done`, so the server had it.
    await vi.advanceTimersByTimeAsync(TYPING_PAUSE_MS);
    await typed.done;
    expect(api.requests).toEqual([]);
  });
});

describe('other input', () => {
  it('refuses a secret key without sending anything', async () => {
    pauseOnFakeClock();
    const typed = type(`sk-mg-v1-${SAMPLE_HASHES.active}`);
    await vi.advanceTimersByTimeAsync(TYPING_PAUSE_MS);
    await typed.done;
    expect(defaults).toEqual([SECRET_KEY_MESSAGE.replace(/'/g, '&apos;')]);
    expect(typed.rows).toEqual([[]]);
    expect(api.requests).toEqual([]);
  });

  it('suggests keys from the history for part of a name or hash, with no request', async () => {
    const at = '2026-11-26T10:00:00Z';
    await historyItem.setValue([
      {
        hash: SAMPLE_HASHES.active,
        accountId: FIRST_ACCOUNT.id,
        name: 'Production backend',
        status: { text: 'Active', tone: 'ok' },
        at,
      },
      {
        hash: SAMPLE_HASHES.disabled,
        accountId: FIRST_ACCOUNT.id,
        name: 'Old & <odd>',
        status: { text: 'Disabled', tone: 'danger' },
        at,
      },
    ]);
    const byName = type('odd');
    await byName.done;
    expect(byName.rows).toEqual([
      [{ content: SAMPLE_HASHES.disabled, description: 'Old &amp; &lt;odd&gt; · Disabled · 9b359dd3…730a6f' }],
    ]);
    const byHash = type('16ad');
    await byHash.done;
    expect(byHash.rows[0]?.map((row) => row.content)).toEqual([SAMPLE_HASHES.active]);
    expect(defaults.at(-1)).toBe('Open the first match for “16ad”');
    expect(api.requests).toEqual([]);
  });
});

describe('the watched keys', () => {
  const at = '2026-11-26T10:00:00Z';
  /** A watched key as its last check left it: active, disabled, or no longer there. */
  const watched = (hash: string, name: string, { disabled = false, gone = false } = {}): WatchEntry => ({
    hash,
    accountId: FIRST_ACCOUNT.id,
    addedAt: at,
    state: {
      key: { hash, name, disabled, expires_at: null, limit: 100, limit_remaining: 50, limit_reset: null },
      checkedAt: at,
      failedAt: null,
      gone,
      raised: [],
    },
  });
  const row = (hash: string, words: string) => ({ content: hash, description: words });

  beforeEach(async () => {
    // The history holds one key; the watchlist holds it too, and three keys the history has not.
    await historyItem.setValue([
      {
        hash: SAMPLE_HASHES.active,
        accountId: FIRST_ACCOUNT.id,
        name: 'Production backend',
        status: { text: 'Active', tone: 'ok' },
        at,
      },
    ]);
    await watchlistItem.setValue([
      watched(SAMPLE_HASHES.active, 'Production backend'),
      watched(SAMPLE_HASHES.byok, 'BYOK gateway'),
      watched(SAMPLE_HASHES.disabled, 'Old production', { disabled: true }),
      watched(SAMPLE_HASHES.hostile, 'Gone & <production>', { gone: true }),
    ]);
  });

  it.each([
    ['a name only the watchlist has', 'byok', [row(SAMPLE_HASHES.byok, 'BYOK gateway · Active · 9c179d0e…7ae88a')]],
    [
      'a name both have: the history first, each key once, then the watchlist',
      'PRODUCTION',
      [
        row(SAMPLE_HASHES.active, 'Production backend · Active · 16ad3f43…427150'),
        row(SAMPLE_HASHES.disabled, 'Old production · Disabled · 9b359dd3…730a6f'),
        row(SAMPLE_HASHES.hostile, 'Gone &amp; &lt;production&gt; · No longer exists · e8674b33…6e2814'),
      ],
    ],
    ['the start of a watched hash', '9c179d', [row(SAMPLE_HASHES.byok, 'BYOK gateway · Active · 9c179d0e…7ae88a')]],
    ['nothing known', 'payroll', []],
  ])('suggests %s, with no request', async (_, text, rows) => {
    const typed = type(text);
    await typed.done;
    expect(typed.rows).toEqual([rows]);
    expect(api.requests).toEqual([]);
  });

  it('opens the card of a watched key entered by name', async () => {
    await onOmniboxInputEntered('BYOK', 'newForegroundTab');
    expect(create).toHaveBeenCalledWith({
      url: `chrome-extension://${fakeBrowser.runtime.id}/card.html#${SAMPLE_HASHES.byok}`,
      active: true,
    });
  });
});

describe('Enter', () => {
  const card = (hash: string) => `chrome-extension://${fakeBrowser.runtime.id}/card.html#${hash}`;

  it.each([
    ['currentTab', () => expect(update).toHaveBeenCalledWith({ url: card(SAMPLE_HASHES.active) })],
    ['newForegroundTab', () => expect(create).toHaveBeenCalledWith({ url: card(SAMPLE_HASHES.active), active: true })],
    ['newBackgroundTab', () => expect(create).toHaveBeenCalledWith({ url: card(SAMPLE_HASHES.active), active: false })],
  ] as const)('opens the card of the hash, %s', async (disposition, check) => {
    await onOmniboxInputEntered(`  ${SAMPLE_HASHES.active.toUpperCase()}`, disposition);
    check();
  });

  it('pressed before typing paused, asks nothing itself: the card page does the one lookup', async () => {
    pauseOnFakeClock();
    const typed = type(SAMPLE_HASHES.active);
    await onOmniboxInputEntered(SAMPLE_HASHES.active, 'newForegroundTab');
    await vi.advanceTimersByTimeAsync(TYPING_PAUSE_MS);
    await typed.done;
    expect(create).toHaveBeenCalledWith({ url: card(SAMPLE_HASHES.active), active: true });
    expect(api.requests).toEqual([]);
  });

  it('opens the first history match for a name', async () => {
    const at = '2026-11-26T10:00:00Z';
    await historyItem.setValue([
      {
        hash: SAMPLE_HASHES.byok,
        accountId: FIRST_ACCOUNT.id,
        name: 'BYOK gateway',
        status: { text: 'Active', tone: 'ok' },
        at,
      },
    ]);
    await onOmniboxInputEntered('byok', 'newForegroundTab');
    expect(create).toHaveBeenCalledWith({ url: card(SAMPLE_HASHES.byok), active: true });
  });

  it('opens nothing for a secret, so the key never reaches an address', async () => {
    await onOmniboxInputEntered(`sk-mg-v1-${SAMPLE_HASHES.active}`, 'currentTab');
    expect(update).not.toHaveBeenCalled();
    expect(create).not.toHaveBeenCalled();
  });
});
