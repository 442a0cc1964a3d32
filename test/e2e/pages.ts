// What a person does on the extension's pages, and what they read there, in words every browser
// driver understands (driver/types.ts). Reads run in the page and return plain text, with runs
// of whitespace collapsed, so that assertions compare what is on screen.
import { waitUntil } from './driver/wait.ts';
import { withChrome } from './driver/extension-api.ts';
import type { ExtensionBrowser, ExtensionPage } from './driver/types.ts';

/** Every outcome a lookup can end in: the key card, or any alert (input refusal or API error). */
export const OUTCOME_SELECTOR = 'article[aria-label="Key details"], [role="alert"]';

/** The choices of "Where the keys are kept". */
export const KEPT_ON_COMPUTER = 'On this computer';
export const KEPT_ENCRYPTED = 'On this computer, encrypted with a passphrase';
export const KEPT_IN_MEMORY = 'In memory only: enter them again after the browser restarts';

export interface Configuration {
  baseUrl: string;
  key: string;
  /** Left as it is when omitted. */
  timeoutSeconds?: number;
}

export interface OptionChanges extends Partial<Configuration> {
  /** "Show a repeated lookup from memory for (seconds)"; 0 turns the cache off. */
  cacheSeconds?: number;
  /** "Where the keys are kept": "In memory only…" (true) or "On this computer" (false). */
  forgetKeyOnClose?: boolean;
  /** "Remember recent lookups". */
  historyEnabled?: boolean;
}

/**
 * Saves settings through the options page as a person would, and waits for "Settings saved.".
 * Throws with the page's own words when it says something else.
 */
export async function configure(ext: ExtensionBrowser, settings: Configuration): Promise<void> {
  await saveOptions(ext, settings);
}

/** Changes only the given options through the options page, saves, and waits for "Settings saved.". */
export async function saveOptions(ext: ExtensionBrowser, changes: OptionChanges): Promise<void> {
  const page = await ext.openPage('options.html');
  try {
    await fillSettings(page, changes);
    if (changes.cacheSeconds !== undefined) {
      await page.fill('Show a repeated lookup from memory for (seconds)', String(changes.cacheSeconds));
    }
    if (changes.forgetKeyOnClose !== undefined) {
      await page.click('radio', changes.forgetKeyOnClose ? KEPT_IN_MEMORY : KEPT_ON_COMPUTER);
    }
    if (changes.historyEnabled !== undefined) await page.setChecked('Remember recent lookups', changes.historyEnabled);
    await page.click('button', 'Save');
    await waitForSaveStatus(page, 'Settings saved.');
  } finally {
    await page.close();
  }
}

/** Fills the options form once it has loaded; a saved key is replaced through "Replace key". */
export async function fillSettings(page: ExtensionPage, settings: Partial<Configuration>): Promise<void> {
  // The form appears once the saved settings have arrived.
  const keySaved = await waitUntil('the options form', () =>
    page.evaluate(() =>
      document.querySelector('#account-1-baseUrl') ? document.querySelector('input#account-1-key') === null : undefined,
    ),
  );
  if (settings.key !== undefined) {
    if (keySaved) await page.click('button', 'Replace key');
    await page.fill('Management key', settings.key);
  }
  if (settings.baseUrl !== undefined) await page.fill('API base URL', settings.baseUrl);
  if (settings.timeoutSeconds !== undefined) await page.fill('Timeout (seconds)', String(settings.timeoutSeconds));
}

/** Waits for the options page's save status and throws if it says something else. */
export async function waitForSaveStatus(page: ExtensionPage, expected: string): Promise<void> {
  const said = await waitUntil('the save status', () =>
    page.evaluate(() => {
      const status = Array.from(document.querySelectorAll('[role="status"]'), (element) =>
        (element as HTMLElement).innerText.trim(),
      ).find((text) => text !== '');
      const fieldErrors = Array.from(document.querySelectorAll('.field-error'), (element) => element.textContent);
      return status === undefined ? undefined : { status, fieldErrors };
    }),
  );
  if (said.status !== expected) {
    throw new Error(`Options page said "${said.status}" ${JSON.stringify(said.fieldErrors)}, expected "${expected}"`);
  }
}

/** The visible text of the first element matching `selector`, whitespace collapsed; null when none. */
export function textOf(page: ExtensionPage, selector: string): Promise<string | null> {
  return page.evaluate((selector) => {
    const element = document.querySelector(selector) as HTMLElement | null;
    return element === null ? null : element.innerText.replace(/\s+/g, ' ').trim();
  }, selector);
}

/** The visible texts of every element matching `selector`, whitespace collapsed. */
export function textsOf(page: ExtensionPage, selector: string): Promise<string[]> {
  return page.evaluate(
    (selector) =>
      Array.from(document.querySelectorAll(selector), (element) =>
        (element as HTMLElement).innerText.replace(/\s+/g, ' ').trim(),
      ),
    selector,
  );
}

/** Waits until an element matching `selector` shows text matching `pattern`, and returns that text. */
export async function waitForText(page: ExtensionPage, selector: string, pattern: RegExp | string): Promise<string> {
  return waitUntil(`${selector} to say ${String(pattern)}`, async () =>
    (await textsOf(page, selector)).find((text) =>
      typeof pattern === 'string' ? text.includes(pattern) : pattern.test(text),
    ),
  );
}

/** The names of the page's visible buttons, in order. */
export function buttons(page: ExtensionPage): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('button'))
      .filter((button) => button.getClientRects().length > 0)
      .map((button) => (button.getAttribute('aria-label') ?? button.innerText).replace(/\s+/g, ' ').trim()),
  );
}

/** The value and description (aria-describedby: its error and hint) of the field with this id. */
export function fieldState(
  page: ExtensionPage,
  id: string,
): Promise<{ value: string; type: string; invalid: boolean; description: string }> {
  return page.evaluate((id) => {
    const field = document.getElementById(id) as HTMLInputElement | null;
    if (!field) throw new Error(`no #${id}`);
    const description = (field.getAttribute('aria-describedby') ?? '')
      .split(/\s+/)
      .map((ref) => (ref ? (document.getElementById(ref)?.textContent ?? '') : ''))
      .join(' ');
    return {
      value: field.value,
      type: field.type,
      invalid: field.getAttribute('aria-invalid') === 'true',
      description: description.replace(/\s+/g, ' ').trim(),
    };
  }, id);
}

/**
 * Types `text` into "Key hash", presses Enter and waits for a NEW outcome (card or alert) to
 * replace whatever was shown before: 10 s at most, unless told.
 */
export async function lookUp(page: ExtensionPage, text: string, waitMs?: number): Promise<void> {
  await submitAndWait(
    page,
    async () => {
      await page.fill('Key hash', text);
      await page.press('Enter');
    },
    waitMs,
  );
}

/** Pastes `text` into an empty "Key hash" with Ctrl+V and waits as lookUp does. */
export async function paste(page: ExtensionPage, text: string): Promise<void> {
  await page.fill('Key hash', '');
  await submitAndWait(page, () => page.paste(text));
}

async function submitAndWait(page: ExtensionPage, submit: () => Promise<void>, waitMs?: number): Promise<void> {
  // Whatever is on screen now is stale: mark it and remember its words, so that only a freshly
  // rendered outcome (or one whose words changed) counts.
  const stale = await page.evaluate((selector) => {
    const texts: string[] = [];
    document.querySelectorAll(selector).forEach((element) => {
      element.setAttribute('data-e2e-stale', String(texts.length));
      texts.push(element.textContent ?? '');
    });
    return texts;
  }, OUTCOME_SELECTOR);
  await submit();
  await waitUntil(
    'a new card or alert',
    () =>
      page.evaluate(
        ({ selector, stale }) =>
          Array.from(document.querySelectorAll(selector)).some((element) => {
            const index = element.getAttribute('data-e2e-stale');
            return index === null || stale[Number(index)] !== element.textContent;
          }) || undefined,
        { selector: OUTCOME_SELECTOR, stale },
      ),
    waitMs,
  );
}

export interface NoticeText {
  title: string;
  body: string;
  /** The "The API said: …" line, or null when there is none. */
  detail: string | null;
  openOptions: boolean;
}

/** The error notice on screen: its heading, our words, the API's words, and its button. */
export async function readNotice(page: ExtensionPage): Promise<NoticeText> {
  return page.evaluate(() => {
    const notice = document.querySelector('[role="alert"]') as HTMLElement | null;
    if (!notice) throw new Error('no alert on screen');
    const text = (selector: string) => {
      const element = notice.querySelector(selector) as HTMLElement | null;
      return element === null ? null : element.innerText.replace(/\s+/g, ' ').trim();
    };
    return {
      title: text('h2') ?? '',
      body: text('.notice__body') ?? notice.innerText.replace(/\s+/g, ' ').trim(),
      detail: text('.notice__detail'),
      openOptions: Array.from(notice.querySelectorAll('button')).some((b) => b.innerText.trim() === 'Open options'),
    };
  });
}

/** The heading of the outcome on screen: the key's name on a card, the title of a notice. */
export function outcomeHeading(page: ExtensionPage): Promise<string | null> {
  return textOf(page, `:is(${OUTCOME_SELECTOR}) h2`);
}

/**
 * Everything in one of the extension's storage areas, read from one of its pages (the page
 * still works after the background was stopped).
 */
export function readStorage(page: ExtensionPage, area: 'local' | 'session'): Promise<Record<string, unknown>> {
  return withChrome(
    page,
    async (chrome, name) => {
      const storageArea = chrome.storage[name];
      if (!storageArea) throw new Error(`no chrome.storage.${name} here`);
      return storageArea.get(null);
    },
    area,
  );
}

/** One account as the options page asks for it. */
export interface AccountSettings {
  name: string;
  key: string;
  baseUrl: string;
}

/** Clicks "Add account" and fills in the new account's fields (not saved yet). */
export async function addAccount(page: ExtensionPage, account: AccountSettings): Promise<void> {
  await page.click('button', 'Add account');
  await page.fill('Account name', account.name, 'New account');
  // From here on the new account is called by the name just typed.
  await page.fill('Management key', account.key, account.name);
  await page.fill('API base URL', account.baseUrl, account.name);
}

/** Replaces the saved key of the account with this (saved) name, through "Replace key" (not saved yet). */
export async function replaceKey(page: ExtensionPage, account: string, key: string): Promise<void> {
  await page.click('button', 'Replace key', account);
  await page.fill('Management key', key, account);
}

/**
 * Saves accounts through the options page: `first`, when given, into the first account (its name,
 * key and base URL), then each of `more` through "Add account"; one "Save", and waits for
 * "Settings saved.".
 */
export async function saveAccounts(
  ext: ExtensionBrowser,
  more: AccountSettings[],
  first?: AccountSettings,
): Promise<void> {
  const page = await ext.openPage('options.html');
  try {
    await fillSettings(page, first ?? {});
    if (first) await page.fill('Account name', first.name);
    for (const account of more) await addAccount(page, account);
    await page.click('button', 'Save');
    await waitForSaveStatus(page, 'Settings saved.');
  } finally {
    await page.close();
  }
}

/** Waits until every account has answered the lookup on screen (no "Still asking …" line). */
export async function waitForAllAccounts(page: ExtensionPage): Promise<void> {
  await waitUntil('every account’s answer', () =>
    page.evaluate(() => (document.querySelector('.lookup-pending') === null ? true : undefined)),
  );
}
