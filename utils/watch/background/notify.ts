import { browser, type Browser } from 'wxt/browser';
import { isKeyHash } from '../../hash-input';
import { notificationText } from '../words';
import { openCard } from '../../omnibox/background/open-card';
import { readSettings } from '../../storage/background/items';
import { readAlertSettings } from './watchlist';
import type { RaisedNow } from './check';

/** The optional permission "Show desktop notifications" asks for. */
export const NOTIFICATIONS: Browser.permissions.Permissions = { permissions: ['notifications'] };

/** A notification's id names the key it is about: `watch/<hash>/<time>`. */
const ID_PREFIX = 'watch/';

/** One desktop notification per alert, when the user turned them on and the browser allows them. */
export async function notifyAlerts(raised: readonly RaisedNow[]): Promise<void> {
  const [alertSettings, settings] = await Promise.all([readAlertSettings(), readSettings()]);
  if (!alertSettings.notify || !(await browser.permissions.contains(NOTIFICATIONS))) return;
  listenToNotificationClicks();
  const several = settings.accounts.length > 1;
  await Promise.all(
    raised.map(({ entry, alert }, index) => {
      const account = settings.accounts.find((a) => a.id === entry.accountId);
      const text = notificationText(alert, entry.state.key?.name, several && account ? account.name : null);
      return browser.notifications.create(`${ID_PREFIX}${entry.hash}/${Date.now()}-${index}`, {
        type: 'basic',
        iconUrl: browser.runtime.getURL('/icon/128.png'),
        title: 'ModelGates Key Lookup',
        message: text,
      });
    }),
  );
}

/**
 * A click on a notification opens its key's card in a tab of its own (`card.html#<hash>`, which
 * looks the key up) and clears the notification. The listener can only be added while the
 * permission is granted: as the worker starts, for notifications shown before it last stopped, and
 * before each notification it shows, as the permission may have been granted since it started.
 * Nothing listens for the grant itself: a worker woken by a lookup registers one listener fewer.
 */
export function listenToNotificationClicks(): void {
  if (!browser.notifications || browser.notifications.onClicked.hasListener(onNotificationClicked)) return;
  browser.notifications.onClicked.addListener(onNotificationClicked);
}

/** Opens the card of the key a watch notification names, and clears it; other ids are left alone. */
export async function onNotificationClicked(id: string): Promise<void> {
  if (!id.startsWith(ID_PREFIX)) return;
  const [hash] = id.slice(ID_PREFIX.length).split('/');
  if (hash === undefined || !isKeyHash(hash)) return;
  await Promise.all([openCard(hash, 'newForegroundTab'), browser.notifications.clear(id)]);
}
