// The extension's own API, as the browser tests reach it inside an extension page or the worker:
// one typed way in, instead of a hand-written cast of `globalThis` in every callback.
// Runs under plain `node`: erasable TypeScript only.
import type { Browser } from 'wxt/browser';

/** An event as a test fires it: `dispatch` runs the extension's real listeners, standing in for
 * the browser's own UI (a menu click, the address bar), which headless browsers do not have. */
interface Dispatched<Args extends unknown[]> {
  dispatch(...args: Args): void;
}

/**
 * The extension's `chrome` global: the API's own types, Chromium's `sidePanel` and Firefox's
 * `sidebarAction` among them (each only in its own browser), with what tests do that the extension
 * never does: dispatch an event, wrap the omnibox's default row to read it back, reach into another
 * page's window. Firefox's pages have no `storage.session`, and headless Chromium no
 * notifications: both may be missing.
 *
 * The extension's own code calls `browser` where there is one (wxt/browser), yet a spy put on
 * `chrome` sees those calls: Firefox's `browser` is the same object as its `chrome`, and
 * Chromium's `browser` holds `chrome`'s own API objects (so the side panel tests show).
 */
export type ExtensionApi = Omit<
  typeof Browser,
  'contextMenus' | 'extension' | 'omnibox' | 'storage' | 'notifications'
> & {
  contextMenus: { onClicked: Dispatched<[info: Record<string, unknown>, tab?: Browser.tabs.Tab]> };
  /** The extension's open pages, as the DOM windows they are (Firefox's sidebar too). */
  extension: { getViews(filter?: { type?: 'tab' | 'popup' | 'sidebar' }): Window[] };
  omnibox: {
    setDefaultSuggestion(suggestion: Browser.omnibox.DefaultSuggestResult): unknown;
    onInputChanged: Dispatched<[text: string, suggest: (rows: unknown[]) => void]>;
    onInputEntered: Dispatched<[text: string, disposition: string]>;
  };
  storage: Pick<typeof Browser.storage, 'local' | 'sync'> & Partial<Pick<typeof Browser.storage, 'session'>>;
  notifications?: typeof Browser.notifications;
};

/** Whatever runs a function in an extension page or the worker: a Playwright page or worker, or
 * the shared ExtensionPage. */
export interface InExtension {
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
}

/**
 * Runs `fn` where `target` runs code, handing it the extension's `chrome` global, typed, and
 * returns its (JSON) result. `fn` is sent as source text, as any evaluate callback is: it sees
 * only its arguments and that context's globals, never the test's variables.
 */
export function withChrome<R>(target: InExtension, fn: (chrome: ExtensionApi) => R | Promise<R>): Promise<R>;
export function withChrome<R, A>(
  target: InExtension,
  fn: (chrome: ExtensionApi, arg: A) => R | Promise<R>,
  arg: A,
): Promise<R>;
export function withChrome<R, A>(
  target: InExtension,
  fn: (chrome: ExtensionApi, arg: A) => R | Promise<R>,
  arg?: A,
): Promise<R> {
  // The callback's own text, called with that context's `chrome`: with chromeInitScript, the one
  // place that reads the global. The function is only ever sent as text, never called here.
  const call = new Function('arg', `return (${String(fn)})(globalThis.chrome, arg);`) as (arg?: A) => Promise<R>;
  return target.evaluate(call, arg);
}

/**
 * A script to install before any page's own (Playwright's addInitScript), that calls `fn` with the
 * page's `chrome`: all of the API in the extension's pages, little or none of it in web pages.
 */
export function chromeInitScript(fn: (chrome: Partial<ExtensionApi> | undefined) => void): string {
  return `(${String(fn)})(globalThis.chrome);`;
}
