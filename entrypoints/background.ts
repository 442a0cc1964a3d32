import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { registerMessageHandlers } from '@/utils/messaging/background/router';
import { createContextMenu, onContextMenuClick } from '@/utils/lookup/background/context-menu';
import { registerOmniboxListeners } from '@/utils/omnibox/background/listeners';
import { restrictStorageToExtension } from '@/utils/storage/background/access-level';
import { warmUp } from '@/utils/lookup/background/warm-up';
import { ensureWatchAlarm, onAlarm } from '@/utils/watch/background/alarm';
import { checkIfSkippedLocked, setCheckEffects } from '@/utils/watch/background/check';
import { forgetCachedKeys } from '@/utils/lookup/background/result-cache';
import { listenToNotificationClicks, notifyAlerts } from '@/utils/watch/background/notify';
import { paintToolbar } from '@/utils/watch/background/toolbar-attention';
import { listenToPanelShortcut } from '@/utils/panel/background/open-panel';
import { rightClickIn } from '@/utils/panel/background/panel-settings';
import { listenToPanels } from '@/utils/panel/background/panels';
import { sendStack } from '@/utils/panel/background/stack-store';
import { lockOnStart, onLockAlarm, startLock } from '@/utils/lock/background/lock-start';
import { noteUse } from '@/utils/lock/background/lock-state';

export default defineBackground(() => {
  // What a lookup that woke the worker needs is read first, while the listeners are registered;
  // the chores of a start wait for it.
  const warm = warmUp();
  // Listeners are registered synchronously at start-up: the worker may have been woken by the very
  // event they handle.
  registerMessageHandlers();
  browser.contextMenus.onClicked.addListener((info, tab) => void onContextMenuClick(info, tab));
  registerOmniboxListeners();
  browser.runtime.onInstalled.addListener(() => void rightClickIn().then(createContextMenu));
  // Open side panels connect a port each: the worker knows by it which windows have one.
  listenToPanels(sendStack);
  listenToPanelShortcut();
  // A right-click or the address bar keyword is a use of the extension, as a page's message is
  // (utils/messaging/background/router.ts): the lock's time without use counts from it.
  browser.contextMenus.onClicked.addListener(() => void noteUse(new Date()));
  browser.omnibox.onInputStarted.addListener(() => void noteUse(new Date()));
  browser.alarms.onAlarm.addListener((alarm) => void onAlarm(alarm));
  browser.alarms.onAlarm.addListener((alarm) => void onLockAlarm(alarm));
  listenToNotificationClicks();
  setCheckEffects({ onAlerts: notifyAlerts, onChecked: () => paintToolbar(new Date()) });
  startLock({
    onLocked: async () => void (await Promise.all([forgetCachedKeys(), paintToolbar(new Date())])),
    onUnlocked: async () => {
      // The watch check skipped while locked runs in the background: the unlock does not wait for it.
      void checkIfSkippedLocked();
      await paintToolbar(new Date());
    },
  });
  void warm.then(() => {
    void restrictStorageToExtension();
    // Alarms can be lost (the browser cleared them, an update): put it back if it is missing.
    void ensureWatchAlarm();
    void lockOnStart(() => paintToolbar(new Date()));
  });
});
