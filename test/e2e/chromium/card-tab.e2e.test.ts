// The card in a tab, where Chromium's Playwright view can follow it: the tab that Enter in the
// address bar opens shows the right key; a reload shows it again; the popup's "Open in a tab";
// axe on the card page. (The keyword's rows in both browsers: scenarios/omnibox; the card page's
// address and refusals: scenarios/card-page.)
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SAMPLE_HASHES } from '../../mock-api/samples.ts';
import { useChromium } from '../fixtures.ts';

const session = useChromium({ configured: true, viewport: { width: 1024, height: 768 } });

async function cardName(page: Page): Promise<string> {
  const card = page.getByRole('article', { name: 'Key details' });
  await card.waitFor();
  return (await card.locator('.key-card__name').innerText()).trim();
}

const cardUrl = (hash: string) => `chrome-extension://${session.h.extensionId}/card.html#${hash}`;

describe('the card in a tab', () => {
  it('opens from the address bar with the entered key', async () => {
    const opened = session.h.context.waitForEvent('page', (page) => page.url().includes('/card.html'));
    await session.ext.omnibox.type(SAMPLE_HASHES.disabled);
    await session.ext.omnibox.enter(SAMPLE_HASHES.disabled, 'newForegroundTab');
    const page = await opened;
    expect(page.url()).toBe(cardUrl(SAMPLE_HASHES.disabled));
    await expect(cardName(page)).resolves.toBe('Old staging key');
    await page.close();
  });

  it('shows the same key again after a reload', async () => {
    const page = await session.h.openPage(`card.html#${SAMPLE_HASHES.noLimit}`);
    const name = await cardName(page);
    await page.reload();
    await expect(cardName(page)).resolves.toBe(name);
    expect(page.url()).toBe(cardUrl(SAMPLE_HASHES.noLimit));
    await page.close();
  });

  it('opens from the popup card\'s "Open in a tab"', async () => {
    const popup = await session.h.openPage('popup.html');
    await popup.getByLabel('Key hash', { exact: true }).fill(SAMPLE_HASHES.byok);
    await popup.getByLabel('Key hash', { exact: true }).press('Enter');
    const opened = session.h.context.waitForEvent('page', (page) => page.url().includes('/card.html'));
    await popup.getByRole('button', { name: 'Open in a tab' }).click();
    const page = await opened;
    expect(page.url()).toBe(cardUrl(SAMPLE_HASHES.byok));
    await expect(cardName(page)).resolves.toBe('BYOK gateway');
    await page.close();
  });

  it.each(['light', 'dark'] as const)('has no serious or critical axe violations (%s)', async (colorScheme) => {
    const page = await session.h.openPage(`card.html#${SAMPLE_HASHES.expiringSoon}`);
    await page.emulateMedia({ colorScheme });
    await cardName(page);
    const refused = await session.h.openPage('card.html#nothing');
    await refused.emulateMedia({ colorScheme });
    await refused.getByRole('alert').waitFor();
    for (const audited of [page, refused]) {
      const { violations } = await new AxeBuilder({ page: audited }).analyze();
      const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(blocking.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
      await audited.close();
    }
  });
});
