// @vitest-environment node
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SAMPLE_HASHES } from '@/test/mock-api/samples';
import { DEFAULT_SETTINGS, FIRST_ACCOUNT } from '../../settings/settings';
import { UNCHECKED } from '../alerts';
import { settingsItem } from '../../storage/background/items';
import { alertSettingsItem } from './watchlist';
import { listenToNotificationClicks, notifyAlerts } from './notify';

// A watch notification on the fake browser, from its creation to a click on it: the click must
// open the key's own card page in a tab and take the notification away.
const HASH = SAMPLE_HASHES.active;
const card = (hash: string) => `chrome-extension://${fakeBrowser.runtime.id}/card.html#${hash}`;
let create: ReturnType<typeof vi.fn>;

beforeEach(async () => {
  fakeBrowser.reset();
  create = vi.fn(async () => ({}));
  fakeBrowser.tabs.create = create as unknown as typeof fakeBrowser.tabs.create;
  // The fake browser has no permissions API: notifications count as allowed.
  vi.spyOn(fakeBrowser.permissions, 'contains').mockImplementation(async () => true);
  await settingsItem.setValue({
    ...DEFAULT_SETTINGS,
    accounts: [{ ...FIRST_ACCOUNT, baseUrl: 'https://modelgates.ai/api/v1' }],
  });
  await alertSettingsItem.setValue({ thresholds: [80, 100], intervalMinutes: 30, notify: true, paceAlert: true });
});

/** Shows the notification for "Production backend" at 85 % and returns its id. */
async function notifyAt85(): Promise<string> {
  const entry = {
    hash: HASH,
    accountId: FIRST_ACCOUNT.id,
    addedAt: '2026-11-26T14:05:00Z',
    state: {
      ...UNCHECKED,
      key: {
        hash: HASH,
        name: 'Production backend',
        disabled: false,
        expires_at: null,
        limit: 100,
        limit_remaining: 15,
        limit_reset: null,
      },
    },
  };
  await notifyAlerts([{ entry, alert: { kind: 'spend', threshold: 80, percent: 85, text: '85% of limit used' } }]);
  const shown = fakeBrowser.notifications.getAllCreateOptions();
  expect(Object.values(shown).map((n) => n.message)).toEqual(['Production backend: 85% of limit used']);
  const [id] = Object.keys(shown);
  if (id === undefined) throw new Error('No notification was shown');
  return id;
}

describe('a click on a watch notification', () => {
  it("opens the key's card in a new tab in front, and clears the notification", async () => {
    // The worker started before notifications were allowed: showing one is what listens for its click.
    const id = await notifyAt85();
    await fakeBrowser.notifications.onClicked.trigger(id);
    expect(create).toHaveBeenCalledExactlyOnceWith({ url: card(HASH), active: true });
    expect(await fakeBrowser.notifications.getAll()).toEqual({});
  });

  it.each([
    ['a notification of another kind', `other/${HASH}`],
    ['an id whose hash is malformed', `watch/${HASH.slice(1)}/1-0`],
    ['an id holding a secret', `watch/sk-mg-v1-${HASH}/1-0`],
  ])('opens nothing for %s', async (_, id) => {
    listenToNotificationClicks();
    await fakeBrowser.notifications.create(id, { type: 'basic', iconUrl: '', title: '', message: '' });
    await fakeBrowser.notifications.onClicked.trigger(id);
    expect(create).not.toHaveBeenCalled();
    expect(Object.keys(await fakeBrowser.notifications.getAll())).toEqual([id]);
  });

  it('is listened to once, however often the worker starts listening and notifies', async () => {
    listenToNotificationClicks();
    listenToNotificationClicks();
    const id = await notifyAt85();
    await fakeBrowser.notifications.onClicked.trigger(id);
    expect(create).toHaveBeenCalledOnce();
  });
});
