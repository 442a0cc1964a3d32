import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { registerMessageHandlers } from '@/utils/messaging/background/router';
import { createContextMenu, onContextMenuClick } from '@/utils/lookup/background/context-menu';
import { registerOmniboxListeners } from '@/utils/omnibox/background/listeners';
import { restrictStorageToExtension } from '@/utils/storage/background/access-level';
import { warmUp } from '@/utils/lookup/background/warm-up';
import { ensureWatchAlarm, onAlarm } from '@/utils/watch/background/alarm';
import { setCheckEffects } from '@/utils/watch/background/check';
import { listenToNotificationClicks, notifyAlerts } from '@/utils/watch/background/notify';
import { paintToolbar } from '@/utils/watch/background/toolbar-attention';
import { listenToPanelShortcut } from '@/utils/panel/background/open-panel';
import { rightClickIn } from '@/utils/panel/background/panel-settings';
import { listenToPanels } from '@/utils/panel/background/panels';
import { sendStack } from '@/utils/panel/background/stack-store';

export default defineBackground(() => {
  // Listeners are registered synchronously at start-up: the worker may have been woken by the very
  // event they handle.
  registerMessageHandlers();
  browser.contextMenus.onClicked.addListener((info, tab) => void onContextMenuClick(info, tab));
  registerOmniboxListeners();
  browser.runtime.onInstalled.addListener(() => void rightClickIn().then(createContextMenu));
  // Open side panels connect a port each: the worker knows by it which windows have one.
  listenToPanels(sendStack);
  listenToPanelShortcut();
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
