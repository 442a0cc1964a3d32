import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { registerMessageHandlers } from '@/utils/background/message-router';
import { createContextMenu, onContextMenuClick } from '@/utils/background/context-menu';
import { restrictStorageToExtension } from '@/utils/background/store/access-level';

export default defineBackground(() => {
  // Listeners are registered synchronously at start-up: the worker may have been woken by the very
  // event they handle.
  registerMessageHandlers();
  browser.contextMenus.onClicked.addListener((info, tab) => void onContextMenuClick(info, tab));
  browser.runtime.onInstalled.addListener(() => createContextMenu());
  void restrictStorageToExtension();
});
