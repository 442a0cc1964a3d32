// The Chromium-only tests and the scripts (demo, screenshots, bench) see Chromium through
// Playwright: this module gives them Playwright-shaped versions of the shared page actions in
// pages.ts (one implementation, driven through driver/chromium.ts). Runs under plain `node`:
// erasable TypeScript only, local imports with `.ts`.
import type { Locator, Page, Worker } from 'playwright-core';
import { asExtensionPage, type ExtensionHarness } from './driver/chromium.ts';
import { withChrome } from './driver/extension-api.ts';
import * as pages from './pages.ts';

export { CHROME_BUILD_DIR, FIREFOX_BUILD_DIR, PROJECT_ROOT } from './driver/build.ts';
export { asExtensionPage, launchExtension, type ExtensionHarness } from './driver/chromium.ts';
export type { LaunchOptions } from './driver/types.ts';
export { waitUntil } from './driver/wait.ts';
export { OUTCOME_SELECTOR, type AccountSettings, type Configuration, type OptionChanges } from './pages.ts';

/** Saves the key and base URL (and timeout) through the options page; see pages.configure. */
export function configure(h: ExtensionHarness, settings: pages.Configuration): Promise<void> {
  return pages.configure(h.browser, settings);
}

/** Changes only the given options through the options page; see pages.saveOptions. */
export function saveOptions(h: ExtensionHarness, changes: pages.OptionChanges): Promise<void> {
  return pages.saveOptions(h.browser, changes);
}

/** Adds accounts through the options page; see pages.saveAccounts. */
export function addAccounts(
  h: ExtensionHarness,
  accounts: pages.AccountSettings[],
  first?: pages.AccountSettings,
): Promise<void> {
  return pages.saveAccounts(h.browser, accounts, first);
}

export function fillSettings(page: Page, settings: Partial<pages.Configuration>): Promise<void> {
  return pages.fillSettings(asExtensionPage(page), settings);
}

export function waitForSaveStatus(page: Page, expected: string): Promise<void> {
  return pages.waitForSaveStatus(asExtensionPage(page), expected);
}

/** Looks `text` up in the popup (see pages.lookUp) and returns the new card or alert. */
export async function lookUp(page: Page, text: string): Promise<Locator> {
  await pages.lookUp(asExtensionPage(page), text);
  return page.locator(pages.OUTCOME_SELECTOR).first();
}

/** Pastes `text` into "Key hash" (see pages.paste) and returns the new card or alert. */
export async function paste(page: Page, text: string): Promise<Locator> {
  await pages.paste(asExtensionPage(page), text);
  return page.locator(pages.OUTCOME_SELECTOR).first();
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

/**
 * Everything in one of the extension's storage areas, read from an extension page or the worker
 * (both are trusted contexts; a page still works after the worker was stopped).
 */
export async function readStorage(from: Page | Worker, area: 'local' | 'session'): Promise<Record<string, unknown>> {
  if ('goto' in from) return pages.readStorage(asExtensionPage(from), area);
  return withChrome(from, async (chrome, name) => chrome.storage[name]?.get(null) ?? {}, area);
}
