// The `mg` keyword: the worker's real omnibox listeners run, dispatched from the worker as the
// context-menu test dispatches onClicked (typing in the address bar needs a display). What the
// address bar is told is read from the calls the listeners make; entering opens the card page.
// The card page: a reload, "Open in a tab" in the popup, axe (the rest: scenarios/card-page).
// Chromium only: Firefox has no dispatch() on extension events, and its omnibox input reaches the
// add-on only from the real urlbar.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { SAMPLE_HASHES, UNKNOWN_HASH } from '../../mock-api/samples.ts';
import { waitUntil } from '../driver/wait.ts';
import { useChromium } from '../fixtures.ts';

const SECRET = `sk-mg-v1-${SAMPLE_HASHES.active}`;
const SECRET_WORDS = "This looks like an API key, not its hash. Keys are never sent; paste the key's hash instead.";

interface Suggestion {
  content: string;
  description: string;
}

/** What the listeners told the address bar, recorded inside the worker. */
interface Recorded {
  defaults: string[];
  rows: Suggestion[][];
}

const session = useChromium({ configured: true, viewport: { width: 1024, height: 768 } });
let h: typeof session.h;

beforeAll(async () => {
  h = session.h;
  // Before the listeners first call it: the default row is only ever set, never read back.
  await h.worker.evaluate(() => {
    const g = globalThis as unknown as { chrome: { omnibox: Record<string, unknown> }; recorded: Recorded };
    g.recorded = { defaults: [], rows: [] };
    const original = g.chrome.omnibox.setDefaultSuggestion as (...args: unknown[]) => unknown;
    g.chrome.omnibox.setDefaultSuggestion = (details: { description: string }, ...rest: unknown[]) => {
      g.recorded.defaults.push(details.description);
      return original.call(g.chrome.omnibox, details, ...rest);
    };
  });
});

const keyRequests = () => session.api.requests.filter((r) => r.method === 'GET').map((r) => r.url);

/** Dispatches onInputChanged with `text`, and waits until the default row is `settled(row)`. */
async function type(text: string, settled: (row: string) => boolean): Promise<Recorded> {
  await h.worker.evaluate((text) => {
    const g = globalThis as unknown as {
      chrome: { omnibox: { onInputChanged: { dispatch(text: string, suggest: (rows: Suggestion[]) => void): void } } };
      recorded: Recorded;
    };
    g.recorded = { defaults: [], rows: [] };
    g.chrome.omnibox.onInputChanged.dispatch(text, (rows) => g.recorded.rows.push(rows));
  }, text);
  return waitUntil(`the omnibox to answer ${text}`, async () => {
    const recorded = await h.worker.evaluate(() => (globalThis as unknown as { recorded: Recorded }).recorded);
    const last = recorded.defaults.at(-1);
    return last !== undefined && settled(last) ? recorded : undefined;
  });
}

const notLooking = (row: string) => !row.startsWith('Looking up');

describe('the mg keyword', () => {
  it('names a sample key after saying it is looking', async () => {
    const seen = await type(SAMPLE_HASHES.active, notLooking);
    const line = 'Production backend · Active · $42.75 of $100.00 used';
    expect(seen.defaults).toEqual(['Looking up 16ad3f43…427150…', line]);
    expect(seen.rows.at(-1)).toEqual([{ content: SAMPLE_HASHES.active, description: line }]);
  });

  it('says when no account has the hash', async () => {
    const seen = await type(`https://modelgates.ai/api/v1/keys/${UNKNOWN_HASH}`, notLooking);
    expect(seen.defaults.at(-1)).toBe('b08aac59…2fc3db · No key with this hash');
  });

  it('escapes the hostile name for Chrome, so it shows as typed', async () => {
    const seen = await type(SAMPLE_HASHES.hostile, notLooking);
    expect(seen.defaults.at(-1)).toBe('&lt;img src=x onerror=alert(1)&gt; · Active · $0.00 of $10.00 used');
  });

  it('refuses a secret key and sends nothing', async () => {
    const before = keyRequests().length;
    const seen = await type(SECRET, () => true);
    expect(seen.defaults).toEqual([SECRET_WORDS.replace("'", '&apos;')]);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(keyRequests()).toHaveLength(before);
  });

  it('suggests keys from the history for part of a name, with no request', async () => {
    const before = keyRequests().length;
    const seen = await type('production', () => true);
    await waitUntil('the history rows', async () => (seen.rows.length > 0 ? true : undefined));
    expect(seen.rows.at(-1)).toEqual([
      { content: SAMPLE_HASHES.active, description: 'Production backend · Active · 16ad3f43…427150' },
    ]);
    expect(keyRequests()).toHaveLength(before);
  });

  it('opens the card of the entered hash in a new tab', async () => {
    const opened = h.context.waitForEvent('page', (page) => page.url().includes('/card.html'));
    await h.worker.evaluate((hash) => {
      const { chrome } = globalThis as unknown as {
        chrome: { omnibox: { onInputEntered: { dispatch(text: string, disposition: string): void } } };
      };
      chrome.omnibox.onInputEntered.dispatch(hash, 'newForegroundTab');
    }, SAMPLE_HASHES.disabled);
    const page = await opened;
    expect(page.url()).toBe(`chrome-extension://${h.extensionId}/card.html#${SAMPLE_HASHES.disabled}`);
    await expect(cardName(page)).resolves.toBe('Old staging key');
    await page.close();
  });
});

async function cardName(page: Page): Promise<string> {
  const card = page.getByRole('article', { name: 'Key details' });
  await card.waitFor();
  return (await card.locator('.key-card__name').innerText()).trim();
}

describe('the card page in Chromium', () => {
  it('shows the same key again after a reload', async () => {
    const page = await h.openPage(`card.html#${SAMPLE_HASHES.noLimit}`);
    const name = await cardName(page);
    await page.reload();
    await expect(cardName(page)).resolves.toBe(name);
    expect(page.url()).toBe(`chrome-extension://${h.extensionId}/card.html#${SAMPLE_HASHES.noLimit}`);
    await page.close();
  });

  it('opens from the popup card\'s "Open in a tab"', async () => {
    const popup = await h.openPage('popup.html');
    await popup.getByLabel('Key hash', { exact: true }).fill(SAMPLE_HASHES.byok);
    await popup.getByLabel('Key hash', { exact: true }).press('Enter');
    const opened = h.context.waitForEvent('page', (page) => page.url().includes('/card.html'));
    await popup.getByRole('button', { name: 'Open in a tab' }).click();
    const page = await opened;
    expect(page.url()).toBe(`chrome-extension://${h.extensionId}/card.html#${SAMPLE_HASHES.byok}`);
    await expect(cardName(page)).resolves.toMatch(/\S/);
    await page.close();
  });

  it.each(['light', 'dark'] as const)('has no serious or critical axe violations (%s)', async (colorScheme) => {
    const page = await h.openPage(`card.html#${SAMPLE_HASHES.expiringSoon}`);
    await page.emulateMedia({ colorScheme });
    await cardName(page);
    const refused = await h.openPage('card.html#nothing');
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
