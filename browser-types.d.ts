// Firefox's sidebar API, which WXT's `browser` types (made from @types/chrome) leave out: added as
// WXT's docs describe ("Add Firefox Types", guide/essentials/extension-apis), by augmenting the
// `Browser` namespace of @wxt-dev/browser with the type webextension-polyfill's types give it.
// Chromium's `sidePanel` is in WXT's types already.
import '@wxt-dev/browser';
import type { SidebarAction } from 'webextension-polyfill';

declare module '@wxt-dev/browser' {
  namespace Browser {
    export const sidebarAction: SidebarAction.Static;
  }
}
