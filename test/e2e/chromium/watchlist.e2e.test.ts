// The watchlist in the real browser: watch a key from its card, the API then reports it at 85 %
// of its limit, "Check now" says so in the popup's list and on the toolbar, a second check raises
// nothing new; axe on the list. (Desktop notifications are tested on the fake browser: headless
// Chromium leaves an optional-permission prompt open, so they cannot be allowed here.)
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MOCK_MANAGEMENT_KEY, SAMPLE_HASHES } from '../../mock-api/samples.ts';
import { startMockApi, type MockApi } from '../../mock-api/server.ts';
import {
  configure,
  launchExtension,
  lookUp,
  saveOptions,
  textOf,
  waitUntil,
  type ExtensionHarness,
} from '../harness.ts';

/** The parts of the extension API these tests call inside the worker (which has it as `chrome`). */
declare const chrome: {
  action: { getBadgeText(details: object): Promise<string>; getTitle(details: object): Promise<string> };
  storage: {
    local: { get(key: string): Promise<{ watchlist: { state: { raised: unknown[] } }[] }> };
  };
};

const ACTIVE = SAMPLE_HASHES.active;
let api: MockApi;
let h: ExtensionHarness;

beforeAll(async () => {
  api = await startMockApi();
  h = await launchExtension();
  await configure(h, { baseUrl: api.baseUrl, key: MOCK_MANAGEMENT_KEY });
  // Every check asks the API: a card remembered for a minute would hide the change.
  await saveOptions(h, { cacheSeconds: 0 });
});
afterAll(async () => {
  await h?.close();
  await api?.close();
});

const watchedRows = (page: Page) =>
  page.getByRole('region', { name: 'Watched keys' }).getByRole('listitem').getByRole('button');
const toolbar = () =>
  h.worker.evaluate(async () => ({
    text: await chrome.action.getBadgeText({}),
    title: await chrome.action.getTitle({}),
  }));
const keyGets = () => api.requests.filter((r) => r.method === 'GET' && r.url.endsWith(`/keys/${ACTIVE}`)).length;

describe('watching a key', () => {
  it('is a toggle on the card: "Watch", then "Watching" and pressed', async () => {
    const popup = await h.openPage('popup.html');
    await lookUp(popup, ACTIVE);
    const watch = popup.getByRole('button', { name: 'Watch', exact: true });
    expect(await watch.getAttribute('aria-pressed')).toBe('false');
    await watch.click();
    const watching = popup.getByRole('button', { name: 'Watching', exact: true });
    await watching.waitFor();
    expect(await watching.getAttribute('aria-pressed')).toBe('true');
    await popup.close();

    const fresh = await h.openPage('popup.html');
    await watchedRows(fresh).first().waitFor();
    expect(await watchedRows(fresh).count()).toBe(1);
    expect(await textOf(watchedRows(fresh).first())).toMatch(
      /^Production backend Active 42% of limit used · No expiry · Checked/,
    );
    await fresh.close();
  });

  it('"Check now" finds it at 85 %: the list says so, the toolbar shows it, and a second check raises nothing new', async () => {
    api.overrides.set(ACTIVE, { limit_remaining: 15 });
    const popup = await h.openPage('popup.html');
    await watchedRows(popup).first().waitFor();
    const before = keyGets();
    await popup.getByRole('button', { name: 'Check now' }).click();
    const row = watchedRows(popup).filter({ hasText: 'Needs attention: 85% of limit used' });
    await row.waitFor();
    expect(keyGets()).toBe(before + 1);
    expect(await textOf(row)).toMatch(/^Production backend Active 85% of limit used · No expiry · Checked now/);
    expect(await toolbar()).toEqual({
      text: '!1',
      title: expect.stringMatching(/^1 watched key needs attention \(Production backend: 85% of limit used\)/),
    });

    // A second check finds the same 85 %: nothing new to say.
    await popup.getByRole('button', { name: 'Check now' }).click();
    await waitUntil('the second check', async () => (keyGets() === before + 2 ? true : undefined));
    await popup.getByRole('button', { name: 'Check now' }).waitFor();
    const rows = await watchedRows(popup).allInnerTexts();
    expect(rows).toEqual([expect.stringContaining('Needs attention: 85% of limit used')]);
    expect((await toolbar()).text).toBe('!1');
    // What was raised is stored with the key: the second check added no second alert to it.
    const [entry] = await h.worker.evaluate(async () => (await chrome.storage.local.get('watchlist')).watchlist);
    expect(entry?.state.raised).toEqual([{ kind: 'spend', threshold: 80, period: expect.any(String) }]);
    await popup.close();
  });

  it('choosing a watched key looks it up', async () => {
    const popup = await h.openPage('popup.html');
    await watchedRows(popup).first().click();
    await popup.getByRole('article', { name: 'Key details' }).waitFor();
    expect(await popup.getByLabel('Key hash', { exact: true }).inputValue()).toBe(ACTIVE);
    await popup.close();
  });

  it('the popup with a watched list has no serious or critical axe violations', async () => {
    const popup = await h.openPage('popup.html');
    await watchedRows(popup).first().waitFor();
    const blocking: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      await popup.emulateMedia({ colorScheme });
      const { violations } = await new AxeBuilder({ page: popup }).analyze();
      for (const v of violations)
        if (v.impact === 'serious' || v.impact === 'critical') blocking.push(`${v.id} (${colorScheme}): ${v.help}`);
    }
    expect(blocking).toEqual([]);
    await popup.close();
  });
});
