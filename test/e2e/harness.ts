// Drives the built extension in Debian's Chromium (see /work/shared/PLATFORM.md, "Real browser").
// Used by the e2e tests and by scripts/demo.ts, which runs under plain `node`: erasable
// TypeScript only, local imports with `.ts`.
import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Locator, type Page, type Worker } from 'playwright-core';

export const PROJECT_ROOT = resolve(import.meta.dirname, '../..');
export const CHROME_BUILD_DIR = join(PROJECT_ROOT, '.output/chrome-mv3');
export const FIREFOX_BUILD_DIR = join(PROJECT_ROOT, '.output/firefox-mv3');

/** Every outcome a lookup can end in: the key card, or any alert (input refusal or API error). */
export const OUTCOME_SELECTOR = 'article[aria-label="Key details"], [role="alert"]';

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
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Default: headless. */
  headless?: boolean;
  /** Default: .output/chrome-mv3. */
  extensionDir?: string;
  /** Default 380 × 600, the popup's width. */
  viewport?: { width: number; height: number };
}

/** Launches Chromium with a fresh profile and the built extension, and waits for its worker. */
export async function launchExtension(options: LaunchOptions = {}): Promise<ExtensionHarness> {
  const extensionDir = options.extensionDir ?? CHROME_BUILD_DIR;
  try {
    await access(join(extensionDir, 'manifest.json'));
  } catch {
    throw new Error(`No built extension at ${extensionDir} (manifest.json is missing): run npm run build first.`);
  }
  const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  try {
    await access(executablePath);
  } catch {
    throw new Error(`No Chromium at ${executablePath}: install Debian's chromium or set CHROMIUM_PATH.`);
  }
  // Our own profile folder (not Playwright's), so that close() can be sure to remove it.
  const profileDir = await mkdtemp(join(tmpdir(), 'modelgates-e2e-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath,
      headless: options.headless ?? true,
      viewport: options.viewport ?? { width: 380, height: 600 },
      args: [
        // Playwright passes --disable-extensions; this is what lets ours load anyway.
        `--disable-extensions-except=${extensionDir}`,
        `--load-extension=${extensionDir}`,
        '--no-first-run',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  } catch (error) {
    await rm(profileDir, { recursive: true, force: true });
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

  const isOurWorker = (candidate: Worker) => candidate.url().startsWith('chrome-extension://');
  const worker =
    context.serviceWorkers().find(isOurWorker) ??
    (await context.waitForEvent('serviceworker', { predicate: isOurWorker, timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;
  const base = `chrome-extension://${extensionId}/`;

  return {
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
      await rm(profileDir, { recursive: true, force: true });
    },
  };
}

export interface Configuration {
  baseUrl: string;
  key: string;
  /** Left as it is when omitted. */
  timeoutSeconds?: number;
}

/**
 * Saves settings through the options page as a person would, and waits for "Settings saved.".
 * Throws with the page's own words when it says something else.
 */
export async function configure(h: ExtensionHarness, settings: Configuration): Promise<void> {
  const page = await h.openPage('options.html');
  try {
    await fillSettings(page, settings);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await waitForSaveStatus(page, 'Settings saved.');
  } finally {
    await page.close();
  }
}

/** Fills the options form; a saved key is replaced through "Replace key". */
export async function fillSettings(page: Page, settings: Partial<Configuration>): Promise<void> {
  const keyInput = page.getByLabel('Management key', { exact: true }).and(page.locator('input'));
  if (settings.key !== undefined) {
    const replace = page.getByRole('button', { name: 'Replace key' });
    // The page first renders nothing until its settings arrive: wait for either form of the field.
    await keyInput.or(replace).first().waitFor();
    if (await replace.isVisible()) await replace.click();
    await keyInput.fill(settings.key);
  }
  if (settings.baseUrl !== undefined) await page.getByLabel('API base URL').fill(settings.baseUrl);
  if (settings.timeoutSeconds !== undefined) {
    await page.getByLabel('Timeout (seconds)').fill(String(settings.timeoutSeconds));
  }
}

/** Waits for the options page's save status and throws if it says something else. */
export async function waitForSaveStatus(page: Page, expected: string): Promise<void> {
  const status = page.locator('[role="status"]').filter({ hasText: /\S/ });
  await status.first().waitFor();
  const text = (await status.first().innerText()).trim();
  if (text !== expected) {
    const fieldErrors = await page.locator('.field-error').allInnerTexts();
    throw new Error(`Options page said "${text}" ${JSON.stringify(fieldErrors)}, expected "${expected}"`);
  }
}

/**
 * Types `text` into "Key hash", presses Enter and waits for a NEW outcome (card or alert) to
 * replace whatever was shown before. Returns that outcome.
 */
export async function lookUp(page: Page, text: string): Promise<Locator> {
  const input = page.getByLabel('Key hash', { exact: true });
  await input.fill(text);
  return submitAndWait(page, () => input.press('Enter'));
}

/** Pastes `text` into "Key hash" (a real paste event with clipboard data) and waits as lookUp does. */
export async function paste(page: Page, text: string): Promise<Locator> {
  const input = page.getByLabel('Key hash', { exact: true });
  await input.fill('');
  return submitAndWait(page, () =>
    input.evaluate((element, pasted) => {
      const data = new DataTransfer();
      data.setData('text/plain', pasted);
      const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
      // A paste the page does not take over lands in the field, as a browser's own paste would.
      if (element.dispatchEvent(event) && element instanceof HTMLInputElement) {
        element.value = pasted;
        element.dispatchEvent(new Event('input', { bubbles: true }));
      }
    }, text),
  );
}

async function submitAndWait(page: Page, submit: () => Promise<void>): Promise<Locator> {
  // Whatever is on screen now is stale: mark it and remember its words, so that only a freshly
  // rendered outcome (or one whose words changed) counts.
  const before = await page.evaluate((selector) => {
    const texts: string[] = [];
    document.querySelectorAll(selector).forEach((element) => {
      element.setAttribute('data-e2e-stale', String(texts.length));
      texts.push(element.textContent ?? '');
    });
    return texts;
  }, OUTCOME_SELECTOR);
  await submit();
  await page.waitForFunction(
    ({ selector, stale }) =>
      Array.from(document.querySelectorAll(selector)).some((element) => {
        const index = element.getAttribute('data-e2e-stale');
        return index === null || stale[Number(index)] !== element.textContent;
      }),
    { selector: OUTCOME_SELECTOR, stale: before },
  );
  return page.locator(OUTCOME_SELECTOR).first();
}

/** The visible text of an element, with runs of whitespace collapsed, for readable assertions. */
export async function textOf(locator: Locator): Promise<string> {
  return (await locator.innerText()).replace(/\s+/g, ' ').trim();
}

/** The text of the elements an element's aria-describedby points at (its field error and hint). */
export async function descriptionOf(locator: Locator): Promise<string> {
  return locator.evaluate((element) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .map((id) => (id ? (document.getElementById(id)?.textContent ?? '') : ''))
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim(),
  );
}

/** Polls `probe` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function waitUntil<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/**
 * A page the extension opened outside Playwright's page list (the action popup), read through
 * the browser's DevTools protocol.
 */
export interface DetachedPage {
  url: string;
  /** Evaluates an expression (a promise is awaited) in the page and returns its JSON value. */
  evaluate<T>(expression: string): Promise<T>;
  detach(): Promise<void>;
}

interface CdpReply {
  id?: number;
  result?: { result?: { value?: unknown }; exceptionDetails?: { text?: string; exception?: { description?: string } } };
  error?: { message?: string };
}

/** Finds the page whose URL ends with `urlSuffix` among all browser targets and attaches to it. */
export async function attachToTarget(h: ExtensionHarness, urlSuffix: string): Promise<DetachedPage> {
  const browser = h.context.browser();
  if (!browser) throw new Error('The persistent context has no browser object to open a CDP session on');
  const cdp: CDPSession = await browser.newBrowserCDPSession();
  const target = await waitUntil(`a page ending in ${urlSuffix}`, async () => {
    const { targetInfos } = await cdp.send('Target.getTargets');
    return targetInfos.find((info) => info.type === 'page' && info.url.endsWith(urlSuffix));
  });
  // Playwright's CDPSession cannot address a child session directly, so messages are wrapped
  // (flatten: false) and unwrapped by hand.
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
  const pending = new Map<number, (reply: CdpReply) => void>();
  let nextId = 1;
  cdp.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const reply = JSON.parse(event.message) as CdpReply;
    if (reply.id !== undefined) {
      pending.get(reply.id)?.(reply);
      pending.delete(reply.id);
    }
  });
  return {
    url: target.url,
    async evaluate<T>(expression: string): Promise<T> {
      const id = nextId++;
      const replied = new Promise<CdpReply>((resolve) => pending.set(id, resolve));
      const message = {
        id,
        method: 'Runtime.evaluate',
        params: { expression, awaitPromise: true, returnByValue: true },
      };
      await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify(message) });
      const reply = await replied;
      const failure = reply.error?.message ?? reply.result?.exceptionDetails?.exception?.description;
      if (failure !== undefined) throw new Error(`Evaluating in ${target.url} failed: ${failure}`);
      return reply.result?.result?.value as T;
    },
    async detach() {
      await cdp.detach();
    },
  };
}

export interface OptionChanges extends Partial<Configuration> {
  /** "Show a repeated lookup from memory for (seconds)"; 0 turns the cache off. */
  cacheSeconds?: number;
  /** "Forget the key when the browser closes". */
  forgetKeyOnClose?: boolean;
  /** "Remember recent lookups". */
  historyEnabled?: boolean;
}

/**
 * Changes only the given options through the options page, saves, and waits for "Settings
 * saved." (throws with the page's words otherwise). Unlike `configure`, nothing is required.
 */
export async function saveOptions(h: ExtensionHarness, changes: OptionChanges): Promise<void> {
  const page = await h.openPage('options.html');
  try {
    // The form appears once the saved settings have arrived.
    await page.getByLabel('API base URL').waitFor();
    await fillSettings(page, changes);
    if (changes.cacheSeconds !== undefined) {
      await page.getByLabel('Show a repeated lookup from memory for (seconds)').fill(String(changes.cacheSeconds));
    }
    if (changes.forgetKeyOnClose !== undefined) {
      await page
        .getByRole('checkbox', { name: 'Forget the key when the browser closes' })
        .setChecked(changes.forgetKeyOnClose);
    }
    if (changes.historyEnabled !== undefined) {
      await page.getByRole('checkbox', { name: 'Remember recent lookups' }).setChecked(changes.historyEnabled);
    }
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await waitForSaveStatus(page, 'Settings saved.');
  } finally {
    await page.close();
  }
}

/**
 * Everything in one of the extension's storage areas, read from an extension page or the worker
 * (both are trusted contexts; a page still works after the worker was stopped).
 */
export async function readStorage(from: Page | Worker, area: 'local' | 'session'): Promise<Record<string, unknown>> {
  const read = async (name: 'local' | 'session'): Promise<Record<string, unknown>> => {
    const { chrome } = globalThis as unknown as {
      chrome: { storage: Record<string, { get(keys: null): Promise<Record<string, unknown>> } | undefined> };
    };
    const storageArea = chrome.storage[name];
    if (!storageArea) throw new Error(`no chrome.storage.${name} here`);
    return storageArea.get(null);
  };
  return 'goto' in from ? from.evaluate(read, area) : from.evaluate(read, area);
}
