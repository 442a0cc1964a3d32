import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { KeyHash } from '../../hash-input';
import { registerMessageHandlers } from './router';
import { saveManagementKeys } from '../../accounts/background/management-key';
import { removeAllListeners } from '../messenger';
import type { MessageType, Protocol } from '../protocol';
import type { SenderLike } from '../sender';
import { DEFAULT_SETTINGS, FIRST_ACCOUNT } from '../../settings/settings';
import { historyItem, resultCacheItem, settingsItem, watchlistItem } from '../../storage/background/items';
import { UNCHECKED } from '../../watch/alerts';

const NOW = '2025-03-01T12:00:00.000Z';
const SECRET = 'sk-mg-mgmt-test-0123456789abcdef';
const own = `chrome-extension://${fakeBrowser.runtime.id}`;
const popup: SenderLike = { id: fakeBrowser.runtime.id, url: `${own}/popup.html`, origin: own };
const options: SenderLike = {
  id: fakeBrowser.runtime.id,
  url: `${own}/options.html`,
  tab: { url: `${own}/options.html` },
};

/** Delivers a message the way runtime.onMessage does, with the given sender, and returns the reply
 * (the messaging layer wraps it as `{ res }`; a handler that threw would give `{ err }`). */
async function send(type: string, data: unknown, sender: SenderLike): Promise<unknown> {
  let reply: (value: { res?: unknown; err?: unknown }) => void = () => {};
  const replied = new Promise<{ res?: unknown; err?: unknown }>((resolve) => (reply = resolve));
  const listenerResults = await fakeBrowser.runtime.onMessage.trigger(
    { id: 1, type, data, timestamp: Date.now() },
    sender as Browser.runtime.MessageSender,
    reply,
  );
  await Promise.all(listenerResults);
  const { res, err } = await replied;
  expect(err).toBeUndefined();
  return res;
}

/** A payload of the right shape for every message: the compiler says when a message is missing. */
const wellFormed: { [Type in MessageType]: Parameters<Protocol[Type]>[0] } = {
  lookup: { hash: 'a'.repeat(64) as KeyHash },
  completeLookup: { hash: 'a'.repeat(64) as KeyHash },
  popupStart: undefined,
  getSettings: undefined,
  saveSettings: {
    accounts: [
      { id: FIRST_ACCOUNT.id, name: 'Mine', baseUrl: 'https://evil.example', managementKey: 'sk-evil-key-123' },
    ],
    timeoutSeconds: 10,
  },
  removeKey: { accountId: FIRST_ACCOUNT.id },
  removeAccount: { accountId: FIRST_ACCOUNT.id },
  testConnection: { accountId: FIRST_ACCOUNT.id },
  history: undefined,
  clearHistory: undefined,
  lookupInAccount: { hash: 'a'.repeat(64) as KeyHash, accountId: FIRST_ACCOUNT.id, run: 'run-1' },
  cancelBulkRun: { run: 'run-1' },
  openBulk: { hashes: ['a'.repeat(64) as KeyHash] },
  takeBulkInbox: undefined,
  findOnPage: undefined,
  watchStatus: { hash: 'a'.repeat(64) as KeyHash },
  watch: { hash: 'a'.repeat(64) as KeyHash },
  unwatch: { hash: 'a'.repeat(64) as KeyHash, history: 'delete' },
  spendHistory: { hash: 'a'.repeat(64) as KeyHash },
  watchlist: undefined,
  checkWatched: undefined,
  getAlertSettings: undefined,
  saveAlertSettings: { thresholds: '80, 100', intervalMinutes: 30, notify: false, paceAlert: true },
  panelLookup: { hash: 'a'.repeat(64) as KeyHash },
  panelWake: undefined,
  panelTakeLookup: undefined,
  collapseStackCard: { hash: 'a'.repeat(64) as KeyHash, collapsed: true },
  clearStack: undefined,
  getPanelSettings: undefined,
  savePanelSettings: { rightClickIn: 'panel' },
  lockStatus: undefined,
  unlock: { passphrase: 'correct horse battery staple' },
  lockNow: undefined,
  turnOnLock: { passphrase: 'correct horse battery staple' },
  turnOffLock: { passphrase: 'correct horse battery staple', to: 'plain' },
  changePassphrase: { current: 'correct horse battery staple', next: 'another long passphrase here' },
  removeSavedKeys: undefined,
  saveLockSettings: { autoLockMinutes: 60, lockWithComputer: false },
};

const refused = { ok: false, error: { kind: 'invalid_request', message: expect.stringContaining('Refused') } };

describe('message router', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    removeAllListeners();
    registerMessageHandlers();
  });

  it.each<[string, SenderLike]>([
    ['a web page', { url: 'https://evil.example/', origin: 'https://evil.example' }],
    [
      'another extension',
      { id: 'otherextensionidotherextensionid', url: 'chrome-extension://otherextensionidotherextensionid/popup.html' },
    ],
    [
      'a content-script-like sender with a tab',
      { id: fakeBrowser.runtime.id, url: 'https://modelgates.ai/', tab: { url: 'https://modelgates.ai/' } },
    ],
    ['a sender with nothing', {}],
  ])('refuses %s for every message type, and changes nothing', async (_, sender) => {
    await saveManagementKeys({ [FIRST_ACCOUNT.id]: SECRET });
    const entry = {
      hash: 'b'.repeat(64),
      accountId: FIRST_ACCOUNT.id,
      name: 'Kept',
      status: { text: 'Active', tone: 'ok' as const },
      at: NOW,
    };
    await historyItem.setValue([entry]);
    const before = await settingsItem.getValue();
    for (const [type, data] of Object.entries(wellFormed)) {
      expect(await send(type, data, sender)).toEqual(refused);
    }
    expect(await settingsItem.getValue()).toEqual(before);
    expect(await historyItem.getValue()).toEqual([entry]);
    expect((await send('getSettings', undefined, options)) as object).toMatchObject({
      settings: { accounts: [{ keyLast4: 'cdef' }] },
    });
  });

  it('starts the popup with one reply: the context-menu lookup not shown yet, the history and the watched keys', async () => {
    const entry = {
      hash: 'b'.repeat(64),
      accountId: FIRST_ACCOUNT.id,
      name: 'Kept',
      status: { text: 'Active', tone: 'ok' as const },
      at: NOW,
    };
    await historyItem.setValue([entry]);
    const state = { ...UNCHECKED, key: { hash: 'd'.repeat(64), name: 'Watched one', disabled: true } };
    await watchlistItem.setValue([{ hash: 'd'.repeat(64), accountId: FIRST_ACCOUNT.id, addedAt: NOW, state }]);
    const last = { hash: null, result: null, startedAt: NOW, source: 'context_menu', seen: false };
    await fakeBrowser.storage.session.set({ lastLookup: { ...last, choices: ['a'.repeat(64), 'c'.repeat(64)] } });
    const watched = [expect.objectContaining({ hash: 'd'.repeat(64), name: 'Watched one', attention: ['Disabled'] })];
    expect(await send('popupStart', undefined, popup)).toEqual({
      ok: true,
      lock: { on: false, locked: false },
      // What the popup shows of it: not when or how it was stored.
      last: { hash: null, result: null, choices: ['a'.repeat(64), 'c'.repeat(64)] },
      history: [entry],
      watched,
      recent: [],
      cacheSeconds: DEFAULT_SETTINGS.cacheSeconds,
    });
    // Shown once: the next popup starts empty but for the history and the watched keys.
    expect(await send('popupStart', undefined, popup)).toMatchObject({
      ok: true,
      lock: { on: false, locked: false },
      last: null,
      history: [entry],
      watched,
    });
  });

  it('hands the popup the fresh cached answers for its history’s keys, and no stale one', async () => {
    const entry = (hash: string) => ({
      hash,
      accountId: FIRST_ACCOUNT.id,
      name: 'Kept',
      status: { text: 'Active', tone: 'ok' as const },
      at: NOW,
    });
    await historyItem.setValue([entry('b'.repeat(64)), entry('c'.repeat(64))]);
    const key = (hash: string) => ({ hash, name: 'Kept', disabled: false, expires_at: null, limit: null });
    const cached = (hash: string, secondsAgo: number) => ({
      accountId: FIRST_ACCOUNT.id,
      hash,
      key: key(hash),
      fetchedAt: new Date(Date.parse(NOW) - secondsAgo * 1000).toISOString(),
    });
    await resultCacheItem.setValue({
      [`${FIRST_ACCOUNT.id}/${'b'.repeat(64)}`]: cached('b'.repeat(64), 10),
      [`${FIRST_ACCOUNT.id}/${'c'.repeat(64)}`]: cached('c'.repeat(64), 600),
    });
    vi.useFakeTimers({ now: new Date(NOW), toFake: ['Date'] });
    const reply = (await send('popupStart', undefined, popup)) as { recent: unknown[]; cacheSeconds: number };
    vi.useRealTimers();
    expect(reply.cacheSeconds).toBe(DEFAULT_SETTINGS.cacheSeconds);
    expect(reply.recent).toEqual([
      {
        hash: 'b'.repeat(64),
        result: {
          ok: true,
          cached: true,
          found: [{ key: key('b'.repeat(64)), fetchedAt: cached('b'.repeat(64), 10).fetchedAt }],
        },
      },
    ]);
  });

  it.each<[string, string, unknown]>([
    ['a lookup without a hash', 'lookup', {}],
    ['a lookup with a number', 'lookup', { hash: 42 }],
    ['a lookup with extra fields', 'lookup', { hash: 'a'.repeat(64), url: 'https://evil.example' }],
    ['a lookup that is a string', 'lookup', 'a'.repeat(64)],
    ['a lookup of a hash too short', 'lookup', { hash: 'abc' }],
    ['a lookup of a hash too long', 'lookup', { hash: 'a'.repeat(65) }],
    ['a lookup of an upper-case hash', 'lookup', { hash: 'A'.repeat(64) }],
    ['a lookup of a hash with its key prefix', 'lookup', { hash: `sk-or-v1-${'a'.repeat(64)}` }],
    ['a lookup of a path', 'lookup', { hash: '../keys' }],
    ['a lookup with a boolean that is a string', 'lookup', { hash: 'a'.repeat(64), allowCached: 'yes' }],
    ['settings without a timeout', 'saveSettings', { accounts: [] }],
    [
      'settings of the single-key version',
      'saveSettings',
      { baseUrl: 'https://modelgates.ai/api/v1', timeoutSeconds: 10 },
    ],
    [
      'settings with a key that is an object',
      'saveSettings',
      { accounts: [{ name: 'A', baseUrl: 'https://modelgates.ai/api/v1', managementKey: {} }], timeoutSeconds: 10 },
    ],
    [
      'settings naming an account that is not saved',
      'saveSettings',
      { accounts: [{ id: 'someone-else', name: 'A', baseUrl: 'https://modelgates.ai/api/v1' }], timeoutSeconds: 10 },
    ],
    [
      'settings naming the saved account twice',
      'saveSettings',
      {
        accounts: [
          { id: FIRST_ACCOUNT.id, name: 'A', baseUrl: 'https://modelgates.ai/api/v1' },
          { id: FIRST_ACCOUNT.id, name: 'B', baseUrl: 'https://modelgates.ai/api/v1' },
        ],
        timeoutSeconds: 10,
      },
    ],
    [
      'settings that leave the saved account out',
      'saveSettings',
      {
        accounts: [{ name: 'New', baseUrl: 'https://modelgates.ai/api/v1', managementKey: SECRET }],
        timeoutSeconds: 10,
      },
    ],
    ['removing a key without saying whose', 'removeKey', undefined],
    ['removing an account that is not saved', 'removeAccount', { accountId: 'someone-else' }],
    ['getSettings with a payload', 'getSettings', { all: true }],
    ['a connection test of an account that is not saved', 'testConnection', { accountId: 'someone-else' }],
    ['a connection test of a malformed account id', 'testConnection', { accountId: '../my-account' }],
    ['a connection test with extra fields', 'testConnection', { accountId: FIRST_ACCOUNT.id, url: 'https://x' }],
    ['a complete answer for a path', 'completeLookup', { hash: '../keys' }],
    ['null settings', 'saveSettings', null],
    ['a bulk lookup in an account that is not saved', 'lookupInAccount', { hash: 'a'.repeat(64), accountId: 'x' }],
    ['a bulk lookup of a path', 'lookupInAccount', { hash: '../keys', accountId: FIRST_ACCOUNT.id }],
    ['a bulk page opened with no hash', 'openBulk', { hashes: [] }],
    ['a bulk page opened with a secret key', 'openBulk', { hashes: [`sk-or-v1-${'a'.repeat(64)}`] }],
    ['a bulk page opened with too many hashes', 'openBulk', { hashes: Array(5001).fill('a'.repeat(64)) }],
    ['finding hashes on a page named by the sender', 'findOnPage', { tabId: 1 }],
  ])('answers %s with a typed refusal', async (_, type, data) => {
    expect(await send(type, data, popup)).toEqual({
      ok: false,
      error: { kind: 'invalid_request', message: expect.stringContaining('expected shape') },
    });
  });

  it('refuses a connection test of an unknown account without any request', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    await saveManagementKeys({ 'someone-else': SECRET });
    expect(await send('testConnection', { accountId: 'someone-else' }, options)).toMatchObject({
      error: { kind: 'invalid_request' },
    });
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('refuses a lookup of a malformed hash without reading settings or the network', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    await saveManagementKeys({ [FIRST_ACCOUNT.id]: SECRET });
    for (const hash of ['abc', `sk-or-v1-${'a'.repeat(64)}`, '../keys', 'g'.repeat(64), 'a'.repeat(20_000)]) {
      expect(await send('lookup', { hash }, popup)).toEqual({
        ok: false,
        error: { kind: 'invalid_request', message: expect.stringContaining('expected shape') },
      });
    }
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('says a lookup is not configured when no key is saved, without any request', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    expect(await send('lookup', { hash: 'a'.repeat(64) }, popup)).toEqual({
      ok: false,
      error: { kind: 'not_configured' },
    });
    expect(fetchSpy).not.toHaveBeenCalled();
  });

  it('saves valid settings and never puts the key in a reply', async () => {
    const reply = await send(
      'saveSettings',
      {
        accounts: [
          {
            id: FIRST_ACCOUNT.id,
            name: ' Production ',
            baseUrl: ' http://127.0.0.1:8787/api/v1/ ',
            managementKey: `  ${SECRET}\n`,
          },
        ],
        timeoutSeconds: 15,
      },
      options,
    );
    expect(reply).toEqual({
      ok: true,
      settings: {
        forgetKeyOnClose: false,
        historyEnabled: true,
        cacheSeconds: DEFAULT_SETTINGS.cacheSeconds,
        bulkConcurrency: DEFAULT_SETTINGS.bulkConcurrency,
        timeoutSeconds: 15,
        accounts: [
          { id: FIRST_ACCOUNT.id, name: 'Production', baseUrl: 'http://127.0.0.1:8787/api/v1', keyLast4: 'cdef' },
        ],
      },
    });
    for (const [type, data] of [
      ['getSettings', undefined],
      ['removeKey', { accountId: FIRST_ACCOUNT.id }],
    ] as const) {
      expect(JSON.stringify(await send(type, data, options))).not.toContain(SECRET);
    }
  });

  it('removes the key of one account', async () => {
    await saveManagementKeys({ [FIRST_ACCOUNT.id]: SECRET });
    expect(await send('removeKey', { accountId: FIRST_ACCOUNT.id }, options)).toMatchObject({
      ok: true,
      settings: { accounts: [{ id: FIRST_ACCOUNT.id, keyLast4: null }] },
    });
  });
});
