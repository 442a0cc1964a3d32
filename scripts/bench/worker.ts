// The extension's service worker, from outside: stop it (so the next message has to start it),
// find the running one, and ask when it started.
// Runs under plain `node`: erasable TypeScript only.
import type { Page, Worker } from 'playwright-core';
import type { ExtensionHarness } from '../lib/extension-session.ts';

/** Stops every service worker of the page's storage partition (ours) and waits until it has. */
export async function stopWorker(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const stopped = new Promise<void>((resolve) => {
      cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
        if (
          versions.some(
            (version) => version.scriptURL.startsWith('chrome-extension://') && version.runningStatus === 'stopped',
          )
        )
          resolve();
      });
    });
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    let timer: ReturnType<typeof setTimeout> | undefined;
    const limit = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error('The service worker did not stop within 5 s')), 5000);
    });
    await Promise.race([stopped, limit]).finally(() => clearTimeout(timer));
  } finally {
    await cdp.detach();
  }
}

/** The extension's running service worker: after a restart it is a new one. */
export function currentWorker(h: ExtensionHarness): Worker | undefined {
  return h.context.serviceWorkers().find((worker) => worker.url().startsWith(`chrome-extension://${h.extensionId}/`));
}

/** When the current worker's global scope was created (epoch ms), or null if it cannot be asked. */
export async function workerStartEpoch(h: ExtensionHarness): Promise<number | null> {
  return (
    (await currentWorker(h)
      ?.evaluate(() => performance.timeOrigin)
      .catch(() => null)) ?? null
  );
}
