import type { browser as WxtBrowser } from 'wxt/browser';

/** The extension API as WXT types it (Firefox's sidebarAction added: browser-types.d.ts). */
export type ExtensionApi = typeof WxtBrowser;

/**
 * The browser's own extension API: `browser` where it is (Firefox, recent Chromium), else
 * `chrome`; promise-based in MV3 either way. Used as the messaging library does, without the
 * polyfill: the popup and the side panel share their chunk, and the polyfill would weigh on the
 * popup's JavaScript budget. Undefined outside an extension page.
 */
export function extensionApi(): ExtensionApi | undefined {
  const scope = globalThis as unknown as { browser?: ExtensionApi; chrome?: ExtensionApi };
  return scope.browser?.runtime?.id ? scope.browser : scope.chrome;
}

/** This page's window, or null when the browser cannot say (the page is closing). */
export async function currentWindowId(): Promise<number | null> {
  try {
    return (await extensionApi()?.windows.getCurrent())?.id ?? null;
  } catch {
    // No window to be had: the page is closing or not in a window; it then has no panel to be.
    return null;
  }
}
