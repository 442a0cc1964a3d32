// The two sides of every paired lookup: our popup, and the reference extension's page loaded
// beside it in the same browser, each with "Key hash" holding the hash.
// Runs under plain `node`: erasable TypeScript only.
import type { Page, Worker } from 'playwright-core';
import { MOCK_MANAGEMENT_KEY } from '../../test/mock-api/samples.ts';
import type { MockApi } from '../../test/mock-api/server.ts';
import { withChrome, type ExtensionHarness } from '../lib/extension-session.ts';
import { measureFrameMs, type Side } from './lookup-timing.ts';
import {
  REFERENCE_LIST_PAGE,
  REFERENCE_PAGE,
  REFERENCE_WORKER,
  type ReferenceConfig,
  type ReferenceList,
} from './reference/messages.ts';
import { CARRYING_WORKER } from './reference/carrying.ts';
import { workerOf } from './worker.ts';

/** Our popup page, already open, as one side. */
export async function ourSide(h: ExtensionHarness, page: Page, hash: string): Promise<Side> {
  await page.getByLabel('Key hash').fill(hash);
  return {
    name: 'ours',
    page,
    extensionId: h.extensionId,
    worker: () => workerOf(h.context, h.extensionId),
    lookupType: 'lookup',
    frameMs: await measureFrameMs(page),
  };
}

/** The reference extension's worker (or the floor's, by its script's name), once it has started. */
async function referenceWorker(h: ExtensionHarness, script = REFERENCE_WORKER): Promise<Worker> {
  const isReference = (worker: Worker) =>
    worker.url().startsWith('chrome-extension://') && new URL(worker.url()).pathname === `/${script}`;
  return (
    h.context.serviceWorkers().find(isReference) ??
    (await h.context.waitForEvent('serviceworker', { predicate: isReference, timeout: 15_000 }))
  );
}

/**
 * The reference extension, loaded beside ours (`alsoLoad`), told the mock's base URL and key
 * (in its storage, as ours keeps them), with its page open holding `hash`. As `floor`: the
 * reference carrying our worker's script (./reference/carrying.ts), loaded alike.
 */
export async function referenceSide(
  h: ExtensionHarness,
  api: MockApi,
  hash: string,
  name: 'reference' | 'floor' = 'reference',
): Promise<Side> {
  const worker = await referenceWorker(h, name === 'floor' ? CARRYING_WORKER : REFERENCE_WORKER);
  const extensionId = new URL(worker.url()).host;
  const config: ReferenceConfig = { baseUrl: api.baseUrl, managementKey: MOCK_MANAGEMENT_KEY };
  await withChrome(worker, (chrome, values) => chrome.storage.local.set(values), config);
  const page = await h.context.newPage();
  await page.goto(`chrome-extension://${extensionId}/${REFERENCE_PAGE}`);
  await page.getByLabel('Key hash').fill(hash);
  return {
    name,
    page,
    extensionId,
    worker: () => workerOf(h.context, extensionId),
    lookupType: 'lookup',
    frameMs: await measureFrameMs(page),
  };
}

/**
 * The reference's list page (scripts/bench/reference/list.tsx), its worker told to answer with
 * one recent lookup of `hash`, as our popup's history holds after the bench's warm-up.
 */
export async function referenceListUrl(h: ExtensionHarness, hash: string): Promise<string> {
  const worker = await referenceWorker(h);
  const list: ReferenceList = {
    history: [
      {
        hash,
        accountId: 'default',
        name: 'Production backend',
        status: { text: 'Active', tone: 'ok' },
        at: new Date().toISOString(),
      },
    ],
  };
  await withChrome(worker, (chrome, values) => chrome.storage.local.set(values), list);
  return `chrome-extension://${new URL(worker.url()).host}/${REFERENCE_LIST_PAGE}`;
}
