import { browser } from 'wxt/browser';

type AccessLevelArea = { setAccessLevel?: (options: { accessLevel: string }) => Promise<void> };

/**
 * Keeps storage out of reach of content scripts (we ship none, but a future one must not be able
 * to read the key). Chrome supports this for `session` and, since 120, for `local`; where the
 * browser has no such call, or refuses it for an area, the default stands.
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
