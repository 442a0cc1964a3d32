// Debian's Chromium driven by playwright-core (see /work/shared/PLATFORM.md, "Real browser").
// Runs under plain `node` too (the scripts use it): erasable TypeScript only.
import { access, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { CHROME_BUILD_DIR } from './build.ts';
import { withChrome } from './extension-api.ts';
import { chromiumOmnibox } from './omnibox.ts';
import type { ExtensionBrowser, ExtensionPage, LaunchOptions, MenuClick } from './types.ts';
import { waitUntil } from './wait.ts';

/** Chromium with the extension, as Playwright sees it: what the Chromium-only tests use. */
export interface ExtensionHarness {
  context: BrowserContext;
  /** The extension's service worker: a full extension context for `evaluate`. */
  worker: Worker;
  extensionId: string;
  popupUrl: string;
  optionsUrl: string;
  /** Opens `chrome-extension://ID/<path>` in a new tab and waits for it to load. */
  openPage(path: string): Promise<Page>;
  /** "type: text" for every console message of every page and the worker, plus page errors. */
  consoleLines: string[];
  /** Every JavaScript dialog (alert, confirm, prompt) any page opened, already dismissed. */
  dialogs: string[];
  /** The same browser through the interface the scenarios shared with Firefox use. */
  browser: ExtensionBrowser;
  close(): Promise<void>;
}

/** Launches Chromium with a fresh profile and the built extension, and waits for its worker. */
export async function launchExtension(options: LaunchOptions = {}): Promise<ExtensionHarness> {
  const extensionDir = options.extensionDir ?? CHROME_BUILD_DIR;
  const manifest = await readFile(join(extensionDir, 'manifest.json'), 'utf8').catch(() => {
    throw new Error(`No built extension at ${extensionDir} (manifest.json is missing): run npm run build first.`);
  });
  // With another extension loaded beside ours, ours is the worker that runs our manifest's script.
  const workerScript = (JSON.parse(manifest) as { background?: { service_worker?: string } }).background
    ?.service_worker;
  const extensionDirs = [extensionDir, ...(options.alsoLoad ?? [])].join(',');
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  await access(executablePath).catch(() => {
    throw new Error(`No Chromium at ${executablePath}: install Debian's chromium or set CHROMIUM_PATH.`);
  });
  // Our own profile folder (not Playwright's), so that close() can be sure to remove it.
  const profileDir = options.profile?.dir ?? (await mkdtemp(join(tmpdir(), 'modelgates-e2e-')));
  const removeProfile = () => (options.profile ? Promise.resolve() : rm(profileDir, { recursive: true, force: true }));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath,
      headless: options.headless ?? true,
      viewport: options.viewport ?? { width: 380, height: 600 },
      args: [
        // Playwright passes --disable-extensions; this is what lets ours load anyway.
        `--disable-extensions-except=${extensionDirs}`,
        `--load-extension=${extensionDirs}`,
        '--no-first-run',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  } catch (error) {
    await removeProfile();
    throw error;
  }

  // Every wait in these tests is for something that takes well under a second; a missing label
  // should fail in seconds, not in Playwright's default 30.
  context.setDefaultTimeout(10_000);

  const consoleLines: string[] = [];
  const dialogs: string[] = [];
  // The context's console event covers pages and the service worker alike.
  context.on('console', (message) => consoleLines.push(`${message.type()}: ${message.text()}`));
  context.on('weberror', (error) => consoleLines.push(`pageerror: ${error.error().message}`));
  context.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });

  const isOurWorker = (candidate: Worker) =>
    candidate.url().startsWith('chrome-extension://') &&
    (workerScript === undefined || new URL(candidate.url()).pathname === `/${workerScript.replace(/^\//, '')}`);
  const worker =
    context.serviceWorkers().find(isOurWorker) ??
    (await context.waitForEvent('serviceworker', { predicate: isOurWorker, timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  const base = `chrome-extension://${extensionId}/`;

  const harness: Omit<ExtensionHarness, 'browser'> = {
    context,
    worker,
    extensionId,
    popupUrl: `${base}popup.html`,
    optionsUrl: `${base}options.html`,
    consoleLines,
    dialogs,
    async openPage(path: string) {
      const page = await context.newPage();
      await page.goto(new URL(path, base).href);
      return page;
    },
    async close() {
      await context.close();
      await removeProfile();
    },
  };
  return { ...harness, browser: chromiumBrowser(harness) };
}

type Harness = Omit<ExtensionHarness, 'browser'>;

/** The shared browser interface over a Playwright harness. */
function chromiumBrowser(h: Harness): ExtensionBrowser {
  return {
    name: 'chromium',
    baseUrl: `chrome-extension://${h.extensionId}/`,
    consoleLines: h.consoleLines,
    async openPage(path) {
      return asExtensionPage(await h.openPage(path));
    },
    async clickContextMenu({ menuItemId = 'lookup-selection', selectionText, fromTab }: MenuClick) {
      // The native menu needs a display; dispatching in the worker runs the real listener.
      await withChrome(
        await runningWorker(h),
        async (chrome, { menuItemId, selectionText, fromTab }) => {
          const [tab] = fromTab ? await chrome.tabs.query({ active: true, lastFocusedWindow: true }) : [];
          chrome.contextMenus.onClicked.dispatch(
            { menuItemId, selectionText, editable: false, pageUrl: tab?.url ?? 'https://example.com/' },
            tab,
          );
        },
        { menuItemId, selectionText, fromTab },
      );
    },
    omnibox: chromiumOmnibox(() => h.worker),
    stopBackground: () => stopServiceWorker(h),
    closed: new Promise((resolve) => h.context.once('close', () => resolve())),
    close: () => h.close(),
  };
}

/** The extension's service worker as it runs now: after a stop, the one started since (a page's
 * message or port starts it again). */
async function runningWorker(h: Harness): Promise<Worker> {
  const ours = (worker: Worker) => worker.url().startsWith(`chrome-extension://${h.extensionId}/`);
  return h.context.serviceWorkers().find(ours) ?? h.context.waitForEvent('serviceworker', { predicate: ours });
}

const wrapped = new WeakMap<Page, ExtensionPage>();

/** A Playwright page through the interface the scenarios shared with Firefox use. */
export function asExtensionPage(page: Page): ExtensionPage {
  const known = wrapped.get(page);
  if (known) return known;
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => dialogs.push(`${dialog.type()}: ${dialog.message()}`));
  /** The page, or the group (a fieldset named by its legend) that `within` names. */
  const scope = (within?: string) =>
    within === undefined ? page : page.getByRole('group', { name: within, exact: true });
  // Only the fields themselves: a label can also name the button that shows a password.
  const field = (label: string, within?: string) =>
    scope(within).getByLabel(label, { exact: true }).and(page.locator('input, textarea, select')).first();
  const extensionPage: ExtensionPage = {
    url: page.url(),
    dialogs,
    evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
      return page.evaluate(fn as (arg: unknown) => R | Promise<R>, arg);
    },
    fill: (label, text, within) => field(label, within).fill(text),
    click: (role, name, within) => scope(within).getByRole(role, { name, exact: true }).click(),
    setChecked: (name, checked) => page.getByRole('checkbox', { name, exact: true }).setChecked(checked),
    focus: (label) => field(label).focus(),
    press: (key) => page.keyboard.press(key),
    async paste(text) {
      // An extension page in front may write the clipboard without a click.
      await page.bringToFront();
      await page.evaluate((text) => navigator.clipboard.writeText(text), text);
      await page.keyboard.press('Control+V');
    },
    async screenshot(path) {
      await page.screenshot({ path, fullPage: true });
    },
    close: () => page.close(),
  };
  wrapped.set(page, extensionPage);
  return extensionPage;
}

/**
 * Stops the extension's service worker as Chromium does when it idles, through the DevTools
 * protocol of a page in the same profile, and waits until it is stopped.
 */
async function stopServiceWorker(h: Harness): Promise<void> {
  const page = await h.context.newPage();
  const cdp = await h.context.newCDPSession(page);
  const statuses: string[] = [];
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const version of versions) {
      if (version.scriptURL.startsWith(`chrome-extension://${h.extensionId}/`)) statuses.push(version.runningStatus);
    }
  });
  try {
    await cdp.send('ServiceWorker.enable');
    await waitUntil('the worker to be reported running', async () => (statuses.includes('running') ? true : undefined));
    const before = statuses.length;
    await cdp.send('ServiceWorker.stopAllWorkers');
    // It may be started again right after (a pending message wakes it): stopped once is enough.
    await waitUntil('the worker to be reported stopped', async () =>
      statuses.slice(before).includes('stopped') ? true : undefined,
    );
  } finally {
    await cdp.detach();
    await page.close();
  }
}
