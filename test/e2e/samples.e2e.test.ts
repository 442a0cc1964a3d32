// Every sample key looked up in the popup, checked by what its card says.
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MOCK_MANAGEMENT_KEY, SAMPLE_HASHES, type SampleName } from '../mock-api/samples.ts';
import { startMockApi, type MockApi } from '../mock-api/server.ts';
import { configure, launchExtension, lookUp, paste, textOf, type ExtensionHarness } from './harness.ts';

let api: MockApi;
let h: ExtensionHarness;
let popup: Page;

beforeAll(async () => {
  api = await startMockApi();
  h = await launchExtension();
  await configure(h, { baseUrl: api.baseUrl, key: MOCK_MANAGEMENT_KEY });
  popup = await h.openPage('popup.html');
});

afterAll(async () => {
  await h?.close();
  await api?.close();
});

interface CardText {
  name: string;
  badges: string[];
  /** The whole "Spending limit" section, reset line included. */
  spend: string;
  /** The BYOK note under the usage table, or null when the table has no BYOK column. */
  byok: string | null;
}

async function readCard(card: Locator): Promise<CardText> {
  const byokColumn = card.getByRole('table', { name: 'Usage' }).getByRole('columnheader', { name: 'BYOK' });
  return {
    name: await textOf(card.getByRole('heading', { level: 2 })),
    badges: (await card.getByRole('list', { name: 'Status' }).getByRole('listitem').allInnerTexts()).map((t) =>
      t.trim(),
    ),
    spend: await textOf(card.getByRole('region', { name: 'Spending limit' })),
    byok: (await byokColumn.count()) > 0 ? await textOf(card.locator('.usage__note')) : null,
  };
}

// "resets in …" counts down to the next UTC boundary, so only its form is fixed.
const RESETS_IN = (period: string) => new RegExp(`Resets ${period} · resets in (\\d+ (d|h|min) ?)+$`);

interface Expected extends Omit<CardText, 'badges'> {
  /** Exact words, or a matcher where the words depend on the moment. */
  badges: unknown[];
  /** The reset line's words (a pattern where they count down), or null for no line. */
  reset: RegExp | string | null;
}

// prettier-ignore
const EXPECTED: Array<[SampleName, Expected]> = [
  ['active', { name: 'Production backend', badges: ['Active', 'No expiry'], spend: '$42.75 of $100.00 used $57.25 left', reset: RESETS_IN('monthly'), byok: null }],
  ['disabled', { name: 'Old staging key', badges: ['Disabled', 'No expiry'], spend: '$0.00 of $50.00 used $50.00 left', reset: RESETS_IN('monthly'), byok: null }],
  ['expired', { name: 'Hackathon demo', badges: ['Expired'], spend: '$16.60 of $20.00 used $3.40 left', reset: 'Does not reset', byok: null }],
  // "Three days from the server's clock" reads as 2 or 3 whole days from the popup's, depending
  // on which side of the request the popup takes its time.
  ['expiringSoon', { name: 'Contractor access (Q3)', badges: ['Active', expect.stringMatching(/^Expires in [23] days$/)], spend: '$8.10 of $30.00 used $21.90 left', reset: RESETS_IN('weekly'), byok: null }],
  ['limitReached', { name: 'Nightly eval runner', badges: ['Active', 'No expiry', 'Limit reached'], spend: '$25.00 of $25.00 used $0.00 left', reset: RESETS_IN('daily'), byok: null }],
  ['noLimit', { name: 'Data team notebooks', badges: ['Active', 'No expiry'], spend: 'No spending limit', reset: null, byok: null }],
  ['byok', { name: 'BYOK gateway', badges: ['Active', 'No expiry'], spend: '$30.75 of $50.00 used $19.25 left', reset: RESETS_IN('weekly'), byok: 'BYOK usage counts toward the limit' }],
];

describe('popup: sample keys', () => {
  it('focuses "Key hash" when it opens', async () => {
    const page = await h.openPage('popup.html');
    await page.getByLabel('Key hash', { exact: true }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(
      await page.getByLabel('Key hash', { exact: true }).evaluate((element) => element.id),
    );
    await page.close();
  });

  it.each(EXPECTED)('%s: the card shows its name, badges, spend, reset and BYOK lines', async (sample, expected) => {
    const card = await lookUp(popup, SAMPLE_HASHES[sample]);
    expect(await card.getAttribute('aria-label')).toBe('Key details');
    const seen = await readCard(card);
    expect(seen.name).toBe(expected.name);
    expect(seen.badges).toEqual(expected.badges);
    const spendSection = card.getByRole('region', { name: 'Spending limit' });
    const resetLine = spendSection.locator('.spend__reset');
    if (expected.reset === null) {
      expect(seen.spend).toBe(expected.spend);
      expect(await resetLine.count()).toBe(0);
    } else {
      const reset = await textOf(resetLine);
      expect(seen.spend).toBe(`${expected.spend} ${reset}`);
      if (typeof expected.reset === 'string') expect(reset).toBe(expected.reset);
      else expect(reset).toMatch(expected.reset);
    }
    expect(seen.byok).toBe(expected.byok);
    expect(await card.getByRole('button', { name: 'Copy hash' }).isVisible()).toBe(true);
  });

  it('hostile: the name and label are shown as literal text; no <img> is created and no dialog opens', async () => {
    const card = await lookUp(popup, SAMPLE_HASHES.hostile);
    expect(await textOf(card.getByRole('heading', { level: 2 }))).toBe('<img src=x onerror=alert(1)>');
    expect(await textOf(card.locator('header code'))).toBe('</script><script>alert(2)</script>');
    expect(await popup.locator('img').count()).toBe(0);
    expect(await popup.evaluate(() => Array.from(document.scripts).filter((script) => !script.src).length)).toBe(0);
    // An onerror handler would have run by the time the card painted; this waits one more frame.
    await popup.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    expect(h.dialogs).toEqual([]);
  });

  it('partial: shows what it can and "unknown" for the rest', async () => {
    const card = await lookUp(popup, SAMPLE_HASHES.partial);
    expect(await textOf(card.getByRole('heading', { level: 2 }))).toBe('Legacy import');
    expect(await card.getByRole('list', { name: 'Status' }).getByRole('listitem').allInnerTexts()).toEqual([
      'Status unknown',
      'Expiry unknown',
    ]);
    const text = await textOf(card);
    expect(text).toContain('Label: unknown');
    expect(text).toContain('Spending limit: unknown');
    expect(text).toContain('$88.00 left');
    const usage = card.getByRole('table', { name: 'Usage' });
    const row = async (period: string) => textOf(usage.getByRole('row', { name: period }));
    expect(await row('Today')).toBe('Today unknown');
    expect(await row('This week')).toBe('This week unknown');
    expect(await row('This month')).toBe('This month $12.00');
    expect(await row('Total')).toBe('Total unknown');
    expect(await textOf(card.locator('dl'))).toMatch(
      /^Created unknown Updated unknown Workspace unknown Created by unknown Hash /,
    );
  });

  it('pasting a hash looks it up at once, without pressing Enter', async () => {
    const page = await h.openPage('popup.html');
    const card = await paste(page, `  "${SAMPLE_HASHES.noLimit.toUpperCase()}"\n`);
    expect(await textOf(card.getByRole('heading', { level: 2 }))).toBe('Data team notebooks');
    expect(await page.getByLabel('Key hash', { exact: true }).inputValue()).toBe(SAMPLE_HASHES.noLimit);
    await page.close();
  });

  it('"Copy hash" says "Copied", and pasting the clipboard back into "Key hash" shows the same key', async () => {
    const card = await lookUp(popup, SAMPLE_HASHES.byok);
    await card.getByRole('button', { name: 'Copy hash' }).click();
    await card.getByText('Copied').waitFor();
    // Reading the clipboard needs a permission an extension page cannot be granted here; a real
    // paste (Ctrl+V) can read it, and the popup looks a pasted hash up at once.
    const page = await h.openPage('popup.html');
    const input = page.getByLabel('Key hash', { exact: true });
    await input.focus();
    await page.keyboard.press('ControlOrMeta+V');
    await page.getByRole('article', { name: 'Key details' }).waitFor();
    expect(await input.inputValue()).toBe(SAMPLE_HASHES.byok);
    expect(await textOf(page.getByRole('heading', { level: 2 }))).toBe('BYOK gateway');
    await page.close();
  });
});
