import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { registerMessageHandlers } from '@/utils/background/message-router';
import { createContextMenu, onContextMenuClick } from '@/utils/background/context-menu';
import { registerOmniboxListeners } from '@/utils/background/omnibox';
import { restrictStorageToExtension } from '@/utils/background/store/access-level';
import { warmUp } from '@/utils/background/warm-up';

export default defineBackground(() => {
  // Listeners are registered synchronously at start-up: the worker may have been woken by the very
  // event they handle.
  registerMessageHandlers();
  browser.contextMenus.onClicked.addListener((info, tab) => void onContextMenuClick(info, tab));
  registerOmniboxListeners();
  browser.runtime.onInstalled.addListener(() => createContextMenu());
  warmUp();
  void restrictStorageToExtension();
});
