import { askWorker } from '../../messaging/page/worker-client';
import { panelPortName, type PanelPush } from '../port-protocol';
import { extensionApi } from './extension-api';

/** The longest wait before connecting again, after ports that the worker kept dropping at once. */
const MAX_RETRY_MS = 30_000;

/**
 * Connects this panel's port, named with its window's id, so that the worker knows a panel is
 * open here and sends it its stack and right-click lookups. The browser disconnects the port when
 * the panel closes; when the worker stops (it idles out), the port drops and the panel connects
 * again at once, after a message that starts the worker again (Firefox starts a stopped
 * background for a message, not for a port). A port dropped again right after connecting (a
 * worker that refuses it) is tried again more and more slowly. `onConnected` runs each time the
 * port is connected. Returns what disconnects it for good.
 */
export function connectPanel(
  windowId: number,
  onPush: (push: PanelPush) => void,
  onConnected: () => void = () => undefined,
): () => void {
  let port: ReturnType<ExtensionApi['runtime']['connect']> | undefined;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let retryMs = 0;

  function connect(): void {
    if (stopped) return;
    const since = Date.now();
    try {
      const api = extensionApi();
      if (!api) throw new Error('no extension API');
      port = api.runtime.connect({ name: panelPortName(windowId) });
    } catch {
      // The extension was reloaded or removed: this page is left over and has no worker to reach.
      stopped = true;
      return;
    }
    port.onMessage.addListener((message) => onPush(message as PanelPush));
    port.onDisconnect.addListener(() => {
      if (stopped) return;
      retryMs = Date.now() - since < 1000 ? Math.min(Math.max(retryMs * 2, 250), MAX_RETRY_MS) : 0;
      timer = setTimeout(() => void askWorker('panelWake').then(connect), retryMs);
    });
    onConnected();
  }

  connect();
  return () => {
    stopped = true;
    clearTimeout(timer);
    port?.disconnect();
  };
}

type ExtensionApi = NonNullable<ReturnType<typeof extensionApi>>;
