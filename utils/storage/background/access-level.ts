import { browser } from 'wxt/browser';

type AccessLevelArea = { setAccessLevel?: (options: { accessLevel: string }) => Promise<void> };

/**
 * Keeps storage out of reach of content scripts (we ship none, but a future one must not be able
 * to read the key). Chromium 156 accepts this for both `local` and `session` (seen in the browser
 * tests' Chromium); where a browser lacks the call or refuses it for an area, that area's default
 * stands.
 */
export async function restrictStorageToExtension(): Promise<string[]> {
  const restricted: string[] = [];
  for (const name of ['local', 'session'] as const) {
    const area = browser.storage[name] as unknown as AccessLevelArea | undefined;
    if (typeof area?.setAccessLevel !== 'function') continue;
    try {
      await area.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
      restricted.push(name);
    } catch {
      // Not supported for this area in this browser: nothing else to do.
    }
  }
  return restricted;
}
