// Debian's Firefox ESR driven by puppeteer-core over WebDriver BiDi, with the built add-on
// installed as a temporary add-on. Runs under plain `node` too: erasable TypeScript only.
//
// Firefox's remote agent sends no load events for moz-extension:// documents (Mozilla bug
// 1755014), so puppeteer's goto() and waitFor*() cannot be used on extension pages: each page
// gets a new tab, navigated with the BiDi command itself, and every wait polls with evaluate().
import { randomUUID } from 'node:crypto';
import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import puppeteer, { type Browser, type ElementHandle, type KeyInput, type Page } from 'puppeteer-core';
import { FIREFOX_BUILD_DIR } from './build.ts';
import { firefoxOmnibox } from './omnibox.ts';
import { waitUntil } from './wait.ts';
import type { ExtensionBrowser, ExtensionPage, LaunchOptions, MenuClick } from './types.ts';

/** The parts of puppeteer's BiDi objects used here that its public types do not show. */
interface BidiFrame {
  browsingContext: { navigate(url: string, wait: 'none' | 'interactive' | 'complete'): Promise<void> };
}
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}
interface EvaluateResult {
  type: 'success' | 'exception';
  result?: { value?: unknown };
  exceptionDetails?: { text?: string };
}

/** Launches Firefox ESR with a fresh profile, installs the add-on and returns the browser. */
export async function launchFirefox(options: LaunchOptions = {}): Promise<ExtensionBrowser> {
  const extensionDir = options.extensionDir ?? FIREFOX_BUILD_DIR;
  const manifest = await readFile(join(extensionDir, 'manifest.json'), 'utf8').catch(() => {
    throw new Error(`No built add-on at ${extensionDir}: run npm run build:firefox first.`);
  });
  const geckoId = (JSON.parse(manifest) as { browser_specific_settings?: { gecko?: { id?: string } } })
    .browser_specific_settings?.gecko?.id;
  if (!geckoId) throw new Error(`${extensionDir}/manifest.json has no browser_specific_settings.gecko.id`);
  const executablePath = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
  await access(executablePath).catch(() => {
    throw new Error(`No Firefox at ${executablePath}: install Debian's firefox-esr or set FIREFOX_PATH.`);
  });

  // A fixed moz-extension:// host for this run, so that page addresses are known in advance.
  const uuid = options.profile?.firefoxUuid ?? randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    ...(options.profile ? { userDataDir: options.profile.dir } : {}),
    headless: options.headless ?? true,
    defaultViewport: options.viewport ?? { width: 380, height: 600 },
    // Lets BiDi open extension pages and evaluate in the browser's own (chrome) scope.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }),
      // permissions.request() grants at once: a prompt would wait forever headless.
      'extensions.webextOptionalPermissionPrompts': false,
      // Console lines of extension pages and the background go to stdout, read below.
      'devtools.console.stdout.content': true,
      // A temporary add-on is uninstalled when the browser closes; its storage stays for the
      // next start on the same profile, as an installed add-on's does across a restart.
      'extensions.webextensions.keepStorageOnUninstall': true,
      'extensions.webextensions.keepUuidOnUninstall': true,
      ...options.firefoxPrefs,
    },
  });
  const consoleLines: string[] = [];
  collectLines(browser, consoleLines);
  try {
    await browser.installExtension(extensionDir);
  } catch (error) {
    await browser.close();
    throw error;
  }
  const baseUrl = `moz-extension://${uuid}/`;
  const privileged = privilegedScope(browser, geckoId);

  return {
    name: 'firefox',
    baseUrl,
    consoleLines,
    async openPage(path) {
      const page = await browser.newPage();
      const url = new URL(path, baseUrl).href;
      await (page.mainFrame() as unknown as BidiFrame).browsingContext.navigate(url, 'complete');
      await waitUntil(`${path} to load`, async () =>
        (await page.evaluate(() => location.href !== 'about:blank' && document.readyState === 'complete'))
          ? true
          : undefined,
      );
      return firefoxPage(page, url, privileged);
    },
    async clickContextMenu({ menuItemId = 'lookup-selection', selectionText, fromTab }: MenuClick) {
      const info = { menuItemId, selectionText, editable: false, pageUrl: 'https://example.com/' };
      // What Firefox's own menu code emits on a click (browser/components/extensions/parent/ext-menus.js).
      await privileged(
        `ext.emit('webext-menu-menuitem-click', ${JSON.stringify(info)}, ${fromTab ? 'gBrowser.selectedTab' : 'null'})`,
      );
    },
    omnibox: firefoxOmnibox(privileged),
    async clickNotification(message) {
      // Firefox's own alert window (toolkit/content/global/alerts/alert.js) takes a click anywhere
      // in it as a click on the notification.
      await privileged(`(() => {
        for (const alert of Services.wm.getEnumerator('alert:alert')) {
          const text = alert.document.getElementById('alertTextLabel');
          if (text?.textContent !== ${JSON.stringify(message)}) continue;
          text.dispatchEvent(new alert.MouseEvent('click', { bubbles: true }));
          return true;
        }
        throw new Error('No notification says ' + ${JSON.stringify(JSON.stringify(message))});
      })()`);
    },
    async stopBackground() {
      await privileged('await ext.terminateBackground()');
    },
    async readAddonPermissionsTab() {
      // about:addons runs in the parent process: its document is reachable from the chrome scope.
      await privileged(
        `(await BrowserAddonUI.openAddonsMgr('addons://detail/' + encodeURIComponent(${JSON.stringify(geckoId)}) + '/permissions'), true)`,
      );
      return waitUntil('the Permissions and data tab', async () => {
        const text = (await privileged(
          `gBrowser.selectedBrowser.contentDocument?.querySelector('addon-permissions-list')?.textContent ?? ''`,
        )) as string;
        // Its lines are filled in by Fluent after the list is drawn.
        return /The developer says/.test(text) ? text.replace(/\s+/g, ' ').trim() : undefined;
      });
    },
    closed: new Promise((resolve) => browser.once('disconnected', () => resolve())),
    async close() {
      await browser.close();
    },
  };
}

/**
 * Evaluates a statement in the browser window's chrome scope, where `ext` is the add-on's
 * Extension object (ExtensionParent.sys.mjs). Needs --remote-allow-system-access.
 */
type Privileged = (statement: string) => Promise<unknown>;

function privilegedScope(browser: Browser, geckoId: string): Privileged {
  const connection = (browser as unknown as { connection: BidiConnection }).connection;
  return async (statement) => {
    const { result: tree } = (await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' })) as {
      result: { contexts: Array<{ context: string; url: string }> };
    };
    const window = tree.contexts.find((context) => context.url === 'chrome://browser/content/browser.xhtml');
    if (!window) throw new Error('No browser window in the chrome scope');
    const expression = `(async () => {
      const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
      const ext = ExtensionParent.GlobalManager.getExtension(${JSON.stringify(geckoId)});
      return ${statement};
    })()`;
    const { result } = (await connection.send('script.evaluate', {
      expression,
      target: { context: window.context },
      awaitPromise: true,
    })) as { result: EvaluateResult };
    if (result.type !== 'success') throw new Error(`Privileged ${statement} failed: ${result.exceptionDetails?.text}`);
    return result.result?.value;
  };
}

/**
 * Keeps Firefox's stdout drained (a full pipe would block it) and keeps every line of it: console
 * lines start with "console.", and a message of several lines goes on in the lines after it.
 */
function collectLines(browser: Browser, lines: string[]): void {
  let partial = '';
  browser.process()?.stdout?.on('data', (chunk: Buffer) => {
    const text = partial + chunk.toString('utf8');
    const complete = text.split('\n');
    partial = complete.pop() ?? '';
    lines.push(...complete.filter((line) => line.trim() !== ''));
  });
}

function firefoxPage(page: Page, url: string, privileged: Privileged): ExtensionPage {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });

  /**
   * The first element with this role (a field: input, textarea or select) whose accessible name
   * is exactly `name`, once it is there. Found in the page, as Playwright's getByLabel and
   * getByRole do: Firefox's accessibility-tree queries take a quarter of a second each.
   */
  const find = (role: string, name: string, within?: string): Promise<ElementHandle<Element>> =>
    waitUntil(`${role} "${name}"${within === undefined ? '' : ` in "${within}"`} in ${url}`, async () => {
      const handle = await page.evaluateHandle(
        ({ role, name, within }) => {
          const text = (element: Element | null) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
          const accessibleName = (element: Element): string => {
            const labelledBy = element.getAttribute('aria-labelledby');
            if (labelledBy)
              return labelledBy
                .split(/\s+/)
                .map((id) => text(document.getElementById(id)))
                .join(' ');
            const label = element.getAttribute('aria-label');
            if (label !== null) return label.trim();
            const labels = (element as HTMLInputElement).labels;
            if (labels && labels.length > 0) return Array.from(labels, (l) => text(l)).join(' ');
            return text(element);
          };
          const selector = {
            field: 'input:not([type=checkbox]):not([type=radio]), textarea, select',
            button: 'button, input[type=button], input[type=submit], [role=button]',
            checkbox: 'input[type=checkbox], [role=checkbox]',
            radio: 'input[type=radio], [role=radio]',
            link: 'a[href], [role=link]',
          }[role];
          if (!selector) throw new Error(`unknown role ${role}`);
          // A group is a fieldset named by its legend, as Playwright's getByRole('group') finds it.
          const root =
            within === null
              ? document
              : Array.from(document.querySelectorAll('fieldset')).find(
                  (group) => text(group.querySelector(':scope > legend')) === within,
                );
          if (!root) return null;
          return (
            Array.from(root.querySelectorAll(selector)).find(
              (element) => element.getClientRects().length > 0 && accessibleName(element) === name,
            ) ?? null
          );
        },
        { role, name, within: within ?? null },
      );
      const element = handle.asElement();
      if (element) return element as ElementHandle<Element>;
      await handle.dispose();
      return undefined;
    });
  const field = (label: string, within?: string) => find('field', label, within);
  const control = (role: string, name: string, within?: string) => find(role, name, within);

  // Typing goes to the tab in front; a tab behind it ignores a triple-click and appends instead.
  const inFront = () => page.bringToFront();

  return {
    url,
    dialogs,
    evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R> {
      return page.evaluate(fn as (arg: unknown) => R | Promise<R>, arg) as Promise<R>;
    },
    async fill(label, text, within) {
      await inFront();
      const input = await field(label, within);
      await input.focus();
      await pressChord(page, 'Control+A');
      await page.keyboard.press('Backspace');
      await page.keyboard.type(text);
    },
    async click(role, name, within) {
      await inFront();
      await (await control(role, name, within)).click();
    },
    async setChecked(name, checked) {
      await inFront();
      const box = await control('checkbox', name);
      if ((await box.evaluate((element) => (element as HTMLInputElement).checked)) !== checked) await box.click();
    },
    async focus(label) {
      await inFront();
      await (await field(label)).focus();
    },
    async press(key) {
      await inFront();
      await pressChord(page, key);
    },
    async paste(text) {
      // A page cannot write the clipboard without a click; the browser's own helper can.
      await privileged(
        `Cc['@mozilla.org/widget/clipboardhelper;1'].getService(Ci.nsIClipboardHelper).copyString(${JSON.stringify(text)})`,
      );
      await inFront();
      await pressChord(page, 'Control+V');
    },
    async screenshot(path) {
      await inFront();
      await page.screenshot({ path: path as `${string}.png`, fullPage: true });
    },
    async close() {
      await page.close();
    },
  };
}

/** Presses 'Enter', 'Escape' or a chord such as 'Control+V' with puppeteer's keyboard. */
async function pressChord(page: Page, chord: string): Promise<void> {
  const parts = chord.split('+');
  const key = parts.pop() ?? '';
  const name = (/^[A-Za-z]$/.test(key) ? `Key${key.toUpperCase()}` : key) as KeyInput;
  for (const modifier of parts) await page.keyboard.down(modifier as KeyInput);
  await page.keyboard.press(name);
  for (const modifier of parts.reverse()) await page.keyboard.up(modifier as KeyInput);
}
