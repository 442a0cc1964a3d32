// Every sample key looked up in the popup, checked by what its card says.
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionPage } from '../driver/types.ts';
import { SAMPLE_HASHES, type SampleName } from '../../mock-api/samples.ts';
import { useExtension } from '../fixtures.ts';
import { fieldState, lookUp, paste, textOf, waitForText } from '../pages.ts';

const session = useExtension({ configured: true });
let popup: ExtensionPage;

beforeAll(async () => {
  popup = await session.ext.openPage('popup.html');
});

interface CardText {
  name: string;
  badges: string[];
  /** The whole "Spending limit" section, reset line included, the projection left out. */
  spend: string;
  /** Where the spend is heading (the projection's line), or null when there is none. */
  pace: string | null;
  /** The reset line alone, or null when there is none. */
  reset: string | null;
  /** The BYOK note under the usage table, or null when the table has no BYOK column. */
  byok: string | null;
  copyHash: boolean;
}

function readCard(page: ExtensionPage): Promise<CardText> {
  return page.evaluate(() => {
    const card = document.querySelector('article[aria-label="Key details"]');
    if (!card) throw new Error('no card on screen');
    const text = (selector: string) => {
      const element = card.querySelector(selector) as HTMLElement | null;
      return element === null ? null : element.innerText.replace(/\s+/g, ' ').trim();
    };
    const byokColumn = Array.from(card.querySelectorAll('table th[scope="col"]')).some(
      (th) => th.textContent === 'BYOK',
    );
    return {
      name: text('h2') ?? '',
      badges: Array.from(card.querySelectorAll('[aria-label="Status"] li'), (li) =>
        (li as HTMLElement).innerText.trim(),
      ),
      spend: Array.from(card.querySelector('section[aria-label="Spending limit"]')?.children ?? [])
        .filter((part) => !part.classList.contains('spend__pace'))
        .map((part) => (part as HTMLElement).innerText)
        .join(' ')
        .replace(/\s+/g, ' ')
        .trim(),
      pace: text('.spend__pace'),
      reset: text('section[aria-label="Spending limit"] .spend__reset'),
      byok: byokColumn ? text('.usage__note') : null,
      copyHash: card.querySelector('button[aria-label="Copy hash"]') !== null,
    };
  });
}

// "resets in …" counts down to the next UTC boundary, so only its form is fixed: "< 1 min" in the
// last minute before it (utils/format.ts).
const RESETS_IN = (period: string) => new RegExp(`^Resets ${period} · resets in (< 1 min|(\\d+ (d|h|min) ?)+)$`);

// Where the spend is heading depends on the moment in the period: only its form is fixed here
// (the words themselves: utils/card/pace-words.test.ts and scenarios/pace-history).
const PACE_WORDS =
  /^(⚠ Warning: At this pace the limit is reached (in about \d+ (min|h|d)|about now), before the reset in \d+ (min|h|d)|At this pace: about \$[\d,.]+ by the reset \(limit \$\d+\)|Too early in the period to project|No spend yet this period: nothing to project)$/;
/** The samples with a limit not reached and a reset: these have a projection line. */
const PROJECTED = new Set<SampleName>(['active', 'disabled', 'expiringSoon', 'byok']);

interface Expected extends Omit<CardText, 'badges' | 'reset' | 'copyHash' | 'pace'> {
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
    const page = await session.ext.openPage('popup.html');
    await waitForText(page, 'label', 'Key hash');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('hash');
    await page.close();
  });

  it.each(EXPECTED)('%s: the card shows its name, badges, spend, reset and BYOK lines', async (sample, expected) => {
    await lookUp(popup, SAMPLE_HASHES[sample]);
    const seen = await readCard(popup);
    expect(seen.name).toBe(expected.name);
    expect(seen.badges).toEqual(expected.badges);
    if (expected.reset === null) {
      expect(seen.spend).toBe(expected.spend);
      expect(seen.reset).toBeNull();
    } else {
      expect(seen.spend).toBe(`${expected.spend} ${seen.reset}`);
      if (typeof expected.reset === 'string') expect(seen.reset).toBe(expected.reset);
      else expect(seen.reset).toMatch(expected.reset);
    }
    expect(seen.byok).toBe(expected.byok);
    if (PROJECTED.has(sample)) expect(seen.pace).toMatch(PACE_WORDS);
    else expect(seen.pace).toBeNull();
    expect(seen.copyHash).toBe(true);
  });

  it('hostile: the name and label are shown as literal text; no <img> is created and no dialog opens', async () => {
    await lookUp(popup, SAMPLE_HASHES.hostile);
    expect(await textOf(popup, 'article h2')).toBe('<img src=x onerror=alert(1)>');
    expect(await textOf(popup, 'article header code')).toBe('</script><script>alert(2)</script>');
    expect(await popup.evaluate(() => document.querySelectorAll('img').length)).toBe(0);
    expect(await popup.evaluate(() => Array.from(document.scripts).filter((script) => !script.src).length)).toBe(0);
    // An onerror handler would have run by the time the card painted; this waits one more frame.
    await popup.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    expect(popup.dialogs).toEqual([]);
  });

  it('partial: shows what it can and "unknown" for the rest', async () => {
    await lookUp(popup, SAMPLE_HASHES.partial);
    const seen = await readCard(popup);
    expect(seen.name).toBe('Legacy import');
    expect(seen.badges).toEqual(['Status unknown', 'Expiry unknown']);
    const text = await textOf(popup, 'article');
    expect(text).toContain('Label: unknown');
    expect(text).toContain('Spending limit: unknown');
    expect(text).toContain('$88.00 left');
    const rows = await popup.evaluate(() =>
      Array.from(document.querySelectorAll('article table tbody tr'), (row) =>
        (row as HTMLElement).innerText.replace(/\s+/g, ' ').trim(),
      ),
    );
    expect(rows).toEqual(['Today unknown', 'This week unknown', 'This month $12.00', 'Total unknown']);
    expect(await textOf(popup, 'article dl')).toMatch(
      /^Created unknown Updated unknown Workspace unknown Created by unknown Hash /,
    );
  });

  it('pasting a hash looks it up at once, without pressing Enter', async () => {
    const page = await session.ext.openPage('popup.html');
    await paste(page, `  "${SAMPLE_HASHES.noLimit.toUpperCase()}"\n`);
    expect(await textOf(page, 'article h2')).toBe('Data team notebooks');
    expect((await fieldState(page, 'hash')).value).toBe(SAMPLE_HASHES.noLimit);
    await page.close();
  });

  it('"Copy hash" says "Copied", and pasting the clipboard back into "Key hash" shows the same key', async () => {
    await lookUp(popup, SAMPLE_HASHES.byok);
    await popup.click('button', 'Copy hash');
    await waitForText(popup, 'article', 'Copied');
    // Reading the clipboard needs a permission an extension page cannot be granted here; a real
    // paste (Ctrl+V) can read it, and the popup looks a pasted hash up at once.
    const page = await session.ext.openPage('popup.html');
    await page.focus('Key hash');
    await page.press('Control+V');
    await waitForText(page, 'article h2', 'BYOK gateway');
    expect((await fieldState(page, 'hash')).value).toBe(SAMPLE_HASHES.byok);
    await page.close();
  });
});
