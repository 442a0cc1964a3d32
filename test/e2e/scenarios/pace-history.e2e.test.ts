// Where a key is heading, and its spend history, in both browsers. The mock's spend is set over
// its control endpoint (test/mock-api/control.ts), relative to the real clock: a spend that runs
// out before the reset, or a calm one, whatever the date. A watched key checked twice with two
// spends: the card page draws the chart, "Show as table" lists the points, the arrow keys read
// them out, and the CSV holds them. (Axe on the card page with a chart: chromium/card-chart.)
import { beforeAll, describe, expect, it } from 'vitest';
import { clearKeyFields, paceFields, setKeyFields } from '../../mock-api/control.ts';
import { MOCK_MANAGEMENT_KEY, SAMPLE_HASHES } from '../../mock-api/samples.ts';
import { downloads, keepDownloads } from '../bulk-page.ts';
import type { ExtensionPage } from '../driver/types.ts';
import { waitUntil } from '../driver/wait.ts';
import { useExtension } from '../fixtures.ts';
import { lookUp, saveOptions, textOf, textsOf, waitForText } from '../pages.ts';

const ACTIVE = SAMPLE_HASHES.active;
const PACE = '.spend__pace';

const session = useExtension({ configured: true, viewport: { width: 1024, height: 900 } });
beforeAll(async () => {
  // Every check and card asks the API: a card remembered for a minute would hide the change.
  await saveOptions(session.ext, { cacheSeconds: 0 });
});

const openCard = async (hash: string) => {
  const page = await session.ext.openPage(`card.html#${hash}`);
  await waitForText(page, '.key-card__name', /\S/);
  return page;
};

describe('the pace on a card', () => {
  it('a key whose spend runs out before the reset says so, as a warning in words', async () => {
    await setKeyFields(session.api, ACTIVE, paceFields(new Date(), 'runsOut'));
    const page = await openCard(ACTIVE);
    const text = await waitForText(page, PACE, 'At this pace');
    expect(text).toMatch(
      /^⚠ Warning: At this pace the limit is reached (in about \d+ (min|h|d)|about now), before the reset in \d+ (min|h|d)$/,
    );
    await page.close();
  });

  it('a calm key shows its projection, without a warning', async () => {
    await setKeyFields(session.api, ACTIVE, paceFields(new Date(), 'calm'));
    const page = await openCard(ACTIVE);
    const text = await waitForText(page, PACE, 'At this pace');
    expect(text).toMatch(/^At this pace: about \$\d+ by the reset \(limit \$100\)$/);
    expect(await textOf(page, '.key-card')).not.toContain('Warning');
    await page.close();
  });
});

/** The chart's readout after `key` is pressed on the focused chart. */
async function pressOnChart(page: ExtensionPage, key: string): Promise<string | null> {
  await page.evaluate(() => (document.querySelector('.spend-chart__plot') as HTMLElement | null)?.focus());
  await page.press(key);
  return textOf(page, '.spend-chart__readout');
}

describe('the spend history of a watched key', () => {
  it('two checks with different spend: the chart is drawn, the table lists both, the CSV holds both', async () => {
    await clearKeyFields(session.api, ACTIVE);
    const popup = await session.ext.openPage('popup.html');
    await lookUp(popup, ACTIVE);
    await waitUntil('the Watch button', async () =>
      (await textsOf(popup, 'button')).includes('Watch') ? true : undefined,
    );
    await popup.click('button', 'Watch');
    await waitUntil('Watching', async () => ((await textsOf(popup, 'button')).includes('Watching') ? true : undefined));
    await popup.close();

    const check = async (remaining: number) => {
      await setKeyFields(session.api, ACTIVE, { limit_remaining: remaining, usage_monthly: 100 - remaining });
      const list = await session.ext.openPage('popup.html');
      await waitForText(list, '.watched .history__item', 'Production backend');
      await list.click('button', 'Check now');
      await waitForText(list, '.watched .history__item', `${100 - remaining}% of limit used`);
      await list.close();
    };
    await check(60);
    await check(30);

    const card = await openCard(ACTIVE);
    await waitUntil('the chart drawn', () =>
      card.evaluate(() => {
        const canvas = document.querySelector(
          'figure.spend-chart[data-drawn="true"] canvas',
        ) as HTMLCanvasElement | null;
        return canvas && canvas.width > 0 && canvas.height > 0 ? true : undefined;
      }),
    );
    expect(await textOf(card, '.spend-chart__caption')).toBe(
      'Used of the limit over time, against the $100.00 limit (dashed line). Times in UTC.',
    );
    // The watch's first point (the card's answer), the two checks, and this page's own lookup.
    expect(await textOf(card, '.spend-history__span')).toMatch(/^4 points, /);

    // Focus and the arrow keys read each point out, newest first from the end.
    expect(await pressOnChart(card, 'End')).toMatch(/: \$70\.00 used of the \$100\.00 limit, \$318\.40 spent in all$/);
    await pressOnChart(card, 'ArrowLeft');
    expect(await pressOnChart(card, 'ArrowLeft')).toMatch(/: \$40\.00 used of the \$100\.00 limit/);
    expect(await pressOnChart(card, 'Home')).toMatch(/: \$42\.75 used of the \$100\.00 limit/);

    await card.click('button', 'Show as table');
    const rows = await textsOf(card, '.spend-history__table tbody tr');
    expect(rows).toHaveLength(4);
    expect(rows[1]).toMatch(/UTC \$70\.00 \$100\.00 \$30\.00 \$70\.00 \$318\.40$/);
    expect(rows[2]).toMatch(/UTC \$40\.00 \$100\.00 \$60\.00 \$40\.00 \$318\.40$/);

    await keepDownloads(card);
    await card.click('button', 'Download history (CSV)');
    const [csv] = await downloads(card);
    expect(csv?.name).toMatch(/^modelgates-history-16ad3f43-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.csv$/);
    expect(csv?.bom).toBe(true);
    const lines = csv?.text.split('\r\n') ?? [];
    expect(lines[0]).toBe(
      'time_utc,key_hash,key_name,account,spent_total_usd,spent_this_period_usd,limit_usd,limit_remaining_usd',
    );
    const iso = '\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.000Z';
    expect(lines).toHaveLength(6); // the header, four points, the last line ending
    expect(lines.slice(2, 4)).toEqual([
      expect.stringMatching(new RegExp(`^${iso},${ACTIVE},Production backend,,318.4,40,100,60$`)),
      expect.stringMatching(new RegExp(`^${iso},${ACTIVE},Production backend,,318.4,70,100,30$`)),
    ]);
    expect(csv?.text).not.toContain(MOCK_MANAGEMENT_KEY);
    await card.close();
  });
});
