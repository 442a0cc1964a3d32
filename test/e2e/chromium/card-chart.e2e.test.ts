// axe on the card page of a watched key with its spend chart and table, light and dark, in
// Chromium (axe runs through Playwright); and the un-watch question, which keeps or deletes the
// history. The chart, its readout and the CSV in both browsers: scenarios/pace-history.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { setKeyFields } from '../../mock-api/control.ts';
import { SAMPLE_HASHES } from '../../mock-api/samples.ts';
import { useChromium } from '../fixtures.ts';
import { lookUp, saveOptions } from '../harness.ts';

const ACTIVE = SAMPLE_HASHES.active;
const session = useChromium({ configured: true, viewport: { width: 1024, height: 900 } });

beforeAll(async () => {
  await saveOptions(session.h, { cacheSeconds: 0 });
  const popup = await session.h.openPage('popup.html');
  await lookUp(popup, ACTIVE);
  await popup.getByRole('button', { name: 'Watch', exact: true }).click();
  await popup.getByRole('button', { name: 'Watching', exact: true }).waitFor();
  await setKeyFields(session.api, ACTIVE, { limit_remaining: 40, usage_monthly: 60 });
  await popup.close();
});

async function cardWithChart(): Promise<Page> {
  const page = await session.h.openPage(`card.html#${ACTIVE}`);
  await page.locator('figure.spend-chart[data-drawn="true"] canvas').first().waitFor();
  return page;
}

describe('the card page with a spend chart', () => {
  it('has no serious or critical axe violations, chart and table shown, in both themes', async () => {
    const page = await cardWithChart();
    await page.getByRole('button', { name: 'Show as table' }).click();
    await page.getByRole('table', { name: /Spend history/ }).waitFor();
    const blocking: string[] = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme });
      // The chart is drawn again in the theme's colours.
      await page.locator('figure.spend-chart[data-drawn="true"] canvas').first().waitFor();
      const { violations } = await new AxeBuilder({ page }).analyze();
      for (const v of violations)
        if (v.impact === 'serious' || v.impact === 'critical') blocking.push(`${v.id} (${colorScheme}): ${v.help}`);
    }
    expect(blocking).toEqual([]);
    await page.close();
  });

  it('asks, on un-watching, whether to keep or delete the history; kept, the chart stays', async () => {
    const page = await cardWithChart();
    await page.getByRole('button', { name: 'Watching', exact: true }).click();
    const question = page.getByRole('group', { name: /Stop watching this key\?/ });
    await expect(question.innerText()).resolves.toMatch(/Its spend history \(\d+ points\) can be kept/);
    await question.getByRole('button', { name: 'Stop watching, keep history' }).click();
    await page.getByRole('button', { name: 'Watch', exact: true }).waitFor();
    await page.getByText('Not watched any more: no new points are added.', { exact: false }).waitFor();
    await page.close();

    // Watched again, then un-watched with "delete": the card page has no history left.
    const again = await cardWithChart();
    await again.getByRole('button', { name: 'Watch', exact: true }).click();
    await again.getByRole('button', { name: 'Watching', exact: true }).click();
    await again.getByRole('button', { name: 'Stop watching, delete history' }).click();
    await again.getByText('Watch this key to keep a history of its spend').waitFor();
    expect(await again.locator('figure.spend-chart').count()).toBe(0);
    await again.close();
  });
});
