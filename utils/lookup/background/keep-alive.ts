import { browser } from 'wxt/browser';

/**
 * How often an extension API is called while a request is pending. Both browsers stop an idle
 * background after 30 s, even with a fetch in flight (Firefox's event page: seen here; Chromium's
 * worker before 116), and both count a call to an extension API as activity: Chromium since 110,
 * Firefox for any call its parent process answers (ExtensionParent's "parentapicall"). Once a
 * second keeps well inside that, and inside a much shorter limit a test may set.
 */
export const KEEP_ALIVE_INTERVAL_MS = 1_000;

/**
 * Resolves as `work` does, keeping the background awake until then, so that a lookup may take
 * as long as the timeout the user chose (up to 60 s). A quick answer makes no call at all.
 */
export async function keepAliveDuring<T>(work: Promise<T>): Promise<T> {
  // runtime.getPlatformInfo: cheap, needs no permission, and answered by Firefox's parent process.
  // A ping that fails keeps nothing alive and harms nothing: the next one is sent all the same.
  const timer = setInterval(
    () => void browser.runtime.getPlatformInfo().catch(() => undefined),
    KEEP_ALIVE_INTERVAL_MS,
  );
  try {
    return await work;
  } finally {
    clearInterval(timer);
  }
}
