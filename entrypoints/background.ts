import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { registerMessageHandlers } from '@/utils/background/message-router';
import { createContextMenu, onContextMenuClick } from '@/utils/background/context-menu';
import { registerOmniboxListeners } from '@/utils/background/omnibox';
import { restrictStorageToExtension } from '@/utils/background/store/access-level';
import { warmUp } from '@/utils/background/warm-up';
import { ensureWatchAlarm, onAlarm } from '@/utils/background/watch-alarm';
import { setCheckEffects } from '@/utils/background/watch-check';
import { listenToNotificationClicks, notifyAlerts } from '@/utils/background/watch-notify';
import { paintToolbar } from '@/utils/background/toolbar-attention';

export default defineBackground(() => {
  // Listeners are registered synchronously at start-up: the worker may have been woken by the very
  // event they handle.
  registerMessageHandlers();
  browser.contextMenus.onClicked.addListener((info, tab) => void onContextMenuClick(info, tab));
  registerOmniboxListeners();
  browser.runtime.onInstalled.addListener(() => createContextMenu());
  browser.alarms.onAlarm.addListener((alarm) => void onAlarm(alarm));
  listenToNotificationClicks();
  setCheckEffects({ onAlerts: notifyAlerts, onChecked: () => paintToolbar(new Date()) });
  // What a lookup that woke the worker needs is read first; the chores of a start wait for it.
  void warmUp().then(() => {
    void restrictStorageToExtension();
    // Alarms can be lost (the browser cleared them, an update): put it back if it is missing.
    void ensureWatchAlarm();
  });
});
