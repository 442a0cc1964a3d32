// The watchlist in both browsers: watch a key from its card, the API then reports it at 85 % of
// its limit, "Check now" says so in the popup's list and on the toolbar, a second check raises
// nothing new, and choosing a watched key looks it up.
// In Firefox, desktop notifications are allowed first, the alert is one, and a click on it opens
// the key's card: the pref extensions.webextOptionalPermissionPrompts (driver/firefox.ts) grants
// permissions.request() at once. Headless Chromium cannot allow them: its optional-permission
// prompt is a browser dialog nothing headless can answer (CDP's Browser.grantPermissions covers
// web permissions, not an extension's), so the request never settles and no notification is
// shown there; the click is also tested on the fake browser (utils/watch/background/notify.test.ts).
// (axe on the list: chromium/watchlist.)
import { beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_HASHES } from '../../mock-api/samples.ts';
import type { ExtensionPage } from '../driver/types.ts';
import { withChrome } from '../driver/extension-api.ts';
import { waitUntil } from '../driver/wait.ts';
import { BROWSER, useExtension } from '../fixtures.ts';
import { lookUp, OUTCOME_SELECTOR, readStorage, saveOptions, textOf, textsOf, waitForText } from '../pages.ts';

const ACTIVE = SAMPLE_HASHES.active;
const ROWS = '.watched .history__item';

const session = useExtension({
  configured: true,
  // Headless, the system's notification service closes a notification at once (getAll finds it
  // for 2 ms); Firefox's own alert window keeps it a minute, and can be clicked.
  firefoxPrefs: { 'alerts.useSystemBackend': false, 'alerts.totalOpenTime': 60_000 },
});
/** The sample's pace depends on the day of the month: without a reset it has none, and this file
 * checks the thresholds alone (the pace and its alert: scenarios/pace-history, utils/watch). */
const NO_RESET = { limit_reset: null };

beforeAll(async () => {
  // Every check asks the API: a card remembered for a minute would hide the change.
  await saveOptions(session.ext, { cacheSeconds: 0 });
  session.api.overrides.set(ACTIVE, NO_RESET);
});

const keyGets = () =>
  session.api.requests.filter((r) => r.method === 'GET' && r.url.endsWith(`/keys/${ACTIVE}`)).length;

/** The toolbar badge's text and tooltip, read through the extension API from one of its pages. */
const toolbar = (page: ExtensionPage) =>
  withChrome(page, async (chrome) => ({
    text: await chrome.action.getBadgeText({}),
    title: await chrome.action.getTitle({}),
  }));

/** The extension's desktop notifications now shown (notifications.getAll), by id: Firefox gives
 * each one's options, Chromium `true`. Empty without the permission. */
const notifications = (page: ExtensionPage) =>
  withChrome(page, async (chrome): Promise<Record<string, { message?: string } | boolean>> =>
    chrome.notifications ? chrome.notifications.getAll() : {},
  );

/** The addresses of every open tab, read from one of the extension's pages. */
const tabUrls = (page: ExtensionPage) =>
  withChrome(page, async (chrome) => (await chrome.tabs.query({})).map((tab) => tab.url ?? ''));

/** The pressed state of the card's Watch toggle, by its name; null while there is none. */
const toggle = (page: ExtensionPage, name: string) =>
  page.evaluate((name) => {
    const button = Array.from(document.querySelectorAll('button')).find((b) => b.innerText.trim() === name);
    return button ? button.getAttribute('aria-pressed') : null;
  }, name);

describe('watching a key', () => {
  it('is a toggle on the card: "Watch", then "Watching" and pressed; the popup then lists it', async () => {
    const popup = await session.ext.openPage('popup.html');
    await lookUp(popup, ACTIVE);
    expect(await waitUntil('the Watch toggle', async () => (await toggle(popup, 'Watch')) ?? undefined)).toBe('false');
    await popup.click('button', 'Watch');
    expect(await waitUntil('Watching', async () => (await toggle(popup, 'Watching')) ?? undefined)).toBe('true');
    await popup.close();

    const fresh = await session.ext.openPage('popup.html');
    await waitForText(fresh, ROWS, 'Production backend');
    expect(await textsOf(fresh, ROWS)).toEqual([
      expect.stringMatching(/^Production backend Active 42% of limit used · No expiry · Checked/),
    ]);
    await fresh.close();
  });

  it.runIf(BROWSER === 'firefox')('can send desktop notifications once the options allow them', async () => {
    const options = await session.ext.openPage('options.html');
    await options.setChecked('Show desktop notifications', true);
    await waitUntil('the box ticked', () =>
      options.evaluate(() =>
        (document.querySelector('input[name="notify"]') as HTMLInputElement | null)?.checked ? true : undefined,
      ),
    );
    await options.click('button', 'Save alerts');
    await waitForText(options, '.status[aria-live]', 'Alert settings saved.');
    await options.close();
  });

  it('"Check now" finds it at 85 %: the list says so, the toolbar shows it, and a second check raises nothing new', async () => {
    session.api.overrides.set(ACTIVE, { ...NO_RESET, limit_remaining: 15 });
    const popup = await session.ext.openPage('popup.html');
    await waitForText(popup, ROWS, 'Production backend');
    const before = keyGets();
    await popup.click('button', 'Check now');
    const row = await waitForText(popup, ROWS, 'Needs attention: 85% of limit used');
    expect(keyGets()).toBe(before + 1);
    expect(row).toMatch(/^Production backend Active 85% of limit used · No expiry · Checked now/);
    expect(await toolbar(popup)).toEqual({
      text: '!1',
      title: expect.stringMatching(/^1 watched key needs attention \(Production backend: 85% of limit used\)/),
    });
    const shown = await notifications(popup);
    if (BROWSER === 'firefox') {
      // One notification, naming the key in its words and its hash in its id.
      expect(Object.entries(shown)).toEqual([
        [
          expect.stringMatching(new RegExp(`^watch/${ACTIVE}/`)),
          expect.objectContaining({ message: 'Production backend: 85% of limit used' }),
        ],
      ]);
    } else {
      expect(shown).toEqual({});
    }

    // A second check finds the same 85 %: nothing new to say, and no second notification.
    await popup.click('button', 'Check now');
    await waitUntil('the second check', async () => (keyGets() === before + 2 ? true : undefined));
    await waitUntil('Check now again', async () =>
      (await textOf(popup, '.watched .history__header button')) === 'Check now' ? true : undefined,
    );
    expect(await textsOf(popup, ROWS)).toEqual([expect.stringContaining('Needs attention: 85% of limit used')]);
    expect((await toolbar(popup)).text).toBe('!1');
    expect(await notifications(popup)).toEqual(shown);
    // What was raised is stored with the key: the second check added no second alert to it.
    const { watchlist } = (await readStorage(popup, 'local')) as { watchlist: { state: { raised: unknown[] } }[] };
    expect(watchlist[0]?.state.raised).toEqual([{ kind: 'spend', threshold: 80, period: expect.any(String) }]);
    await popup.close();
  });

  it.runIf(BROWSER === 'firefox')("a click on the notification opens the key's card in a tab", async () => {
    const popup = await session.ext.openPage('popup.html');
    const card = `${session.ext.baseUrl}card.html#${ACTIVE}`;
    expect(await tabUrls(popup)).not.toContain(card);
    if (!session.ext.clickNotification) throw new Error('This browser cannot click a notification');
    await session.ext.clickNotification('Production backend: 85% of limit used');
    await waitUntil('the card tab', async () => ((await tabUrls(popup)).includes(card) ? true : undefined));
    // Clicked, it is cleared.
    await waitUntil('the notification cleared', async () =>
      Object.keys(await notifications(popup)).length === 0 ? true : undefined,
    );
    await popup.close();
  });

  it('choosing a watched key looks it up', async () => {
    const popup = await session.ext.openPage('popup.html');
    await waitForText(popup, ROWS, 'Production backend');
    await popup.evaluate((rows) => (document.querySelector(rows) as HTMLButtonElement).click(), ROWS);
    await waitUntil('the card', () =>
      popup.evaluate(
        (outcome) => (document.querySelector(outcome)?.matches('article') ? true : undefined),
        OUTCOME_SELECTOR,
      ),
    );
    expect(await popup.evaluate(() => (document.querySelector('input#hash') as HTMLInputElement | null)?.value)).toBe(
      ACTIVE,
    );
    await popup.close();
  });
});
