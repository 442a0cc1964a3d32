// An extension's service worker, from outside: stop it (so the next message has to start it) and
// find the running one.
// Runs under plain `node`: erasable TypeScript only.
import type { BrowserContext, Page, Worker } from 'playwright-core';

/**
 * Extensions whose worker this module stopped and no message has started since. Playwright keeps
 * a stopped worker in its list (the same object comes back to life when the worker starts
 * again), and evaluating in it while it is stopped never returns: it is not handed out meanwhile.
 */
const stoppedExtensions = new Set<string>();

const extensionOf = (worker: Worker) => new URL(worker.url()).host;

/**
 * Stops every service worker of the page's browser (ours and the reference's alike) and waits
 * until the one of extension `extensionId` is reported stopped.
 */
export async function stopWorker(page: Page, extensionId: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  const origin = `chrome-extension://${extensionId}/`;
  try {
    const stopped = new Promise<void>((resolve) => {
      cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
        if (versions.some((version) => version.scriptURL.startsWith(origin) && version.runningStatus === 'stopped'))
          resolve();
      });
    });
    await cdp.send('ServiceWorker.enable');
    for (const worker of page.context().serviceWorkers()) stoppedExtensions.add(extensionOf(worker));
    await cdp.send('ServiceWorker.stopAllWorkers');
    let timer: ReturnType<typeof setTimeout> | undefined;
    const limit = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`The service worker of ${origin} did not stop within 5 s`)), 5000);
    });
    await Promise.race([stopped, limit]).finally(() => clearTimeout(timer));
  } finally {
    await cdp.detach();
  }
}

/** The extension's service worker, or undefined while it is stopped (see `stoppedExtensions`). */
export function workerOf(context: BrowserContext, extensionId: string): Worker | undefined {
  if (stoppedExtensions.has(extensionId)) return undefined;
  return context.serviceWorkers().findLast((worker) => extensionOf(worker) === extensionId);
}

/** A message from one of the extension's pages has been answered: its worker runs again. */
export function workerAnswered(extensionId: string): void {
  stoppedExtensions.delete(extensionId);
}
