import { useEffect, useState } from 'preact/hooks';
import { currentWindowId, extensionApi } from './extension-api';

/**
 * "Open side panel" for the popup: Chromium's `sidePanel.open` for this window, Firefox's
 * `sidebarAction.open()`. The window is asked for as the popup opens, so that the click can open
 * the panel at once: browsers allow it only while the click's user gesture lasts. `available` is
 * false in a browser with neither.
 */
export function usePanelOpener() {
  const [windowId, setWindowId] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const api = extensionApi();
  type Api = NonNullable<typeof api>;
  const sidePanel = api?.sidePanel as Api['sidePanel'] | undefined;
  const sidebar = api?.sidebarAction as Api['sidebarAction'] | undefined;

  useEffect(() => {
    if (sidePanel?.open) void currentWindowId().then(setWindowId);
  }, []);

  function open(): void {
    setError(null);
    // No await before the call: it must run in the click's own task.
    const opening = sidePanel?.open
      ? windowId === null
        ? Promise.reject(new Error('no window yet'))
        : sidePanel.open({ windowId })
      : sidebar?.open
        ? sidebar.open()
        : Promise.reject(new Error('no side panel'));
    opening.then(
      // The panel is open beside the page: the popup gets out of the way.
      () => window.close(),
      () => setError('The side panel could not be opened. Try again.'),
    );
  }

  return { available: Boolean(sidePanel?.open ?? sidebar?.open), open, error };
}
