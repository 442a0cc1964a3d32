// A repeated lookup shown from memory while it is refreshed, the list of recent lookups, the
// popup's keyboard use, and the card's copy buttons.
import type { Locator, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { MOCK_MANAGEMENT_KEY, SAMPLE_HASHES } from '../../mock-api/samples.ts';
import type { RecordedRequest } from '../../mock-api/server.ts';
import { withChrome } from '../driver/extension-api.ts';
import { useChromium } from '../fixtures.ts';
import { lookUp, readStorage, saveOptions, textOf, waitUntil } from '../harness.ts';

const session = useChromium({ configured: true });

function getsFor(hash: string): RecordedRequest[] {
  return session.api.requests.filter(
    (r) => r.target === 'api' && r.method === 'GET' && r.url.endsWith(`/keys/${hash}`),
  );
}

/** Types a hash and presses Enter without waiting for anything. */
async function submit(page: Page, hash: string): Promise<void> {
  const input = page.getByLabel('Key hash', { exact: true });
  await input.fill(hash);
  await input.press('Enter');
}

const card = (page: Page) => page.getByRole('article', { name: 'Key details' });
const cardName = (page: Page) => textOf(card(page).getByRole('heading', { level: 2 }));
/** The toolbar line above the card: "Updated just now", "Updated 12 s ago" or "Refreshing…". */
const freshness = (page: Page) => page.locator('.card-toolbar').getByRole('status').first();
const historyEntries = (page: Page) =>
  page.getByRole('button', { name: /^Look up .+, .+, [0-9a-f]{8}…[0-9a-f]{6}, .+$/ });

/** Looks a hash up in a fresh popup and closes it. */
async function lookUpOnce(hash: string): Promise<void> {
  const popup = await session.h.openPage('popup.html');
  await lookUp(popup, hash);
  await popup.close();
}

async function clearStoredHistory(): Promise<void> {
  await withChrome(session.h.worker, (chrome) => chrome.storage.local.remove('history'));
}

describe('a repeated lookup within the cache time', () => {
  const LATENCY_MS = 1_500;

  it('shows the cached card at once, marked, before the API answers, then the fresh one', async () => {
    session.api.clearRequests();
    await lookUpOnce(SAMPLE_HASHES.active);
    expect(getsFor(SAMPLE_HASHES.active)).toHaveLength(1);

    session.api.latencyMs = LATENCY_MS;
    const popup = await session.h.openPage('popup.html');
    try {
      await submit(popup, SAMPLE_HASHES.active);
      await card(popup).waitFor();
      const shownAt = Date.now();
      expect(await cardName(popup)).toBe('Production backend');
      expect(await textOf(freshness(popup))).toMatch(/^(Refreshing…|Updated just now|Updated \d+ s ago)$/);

      // Refreshed: the toolbar settles on the new answer and "Refresh" can be pressed again.
      await popup.getByRole('button', { name: 'Refresh' }).and(popup.locator(':enabled')).waitFor({ timeout: 5_000 });
      expect(await textOf(freshness(popup))).toBe('Updated just now');
      const gets = getsFor(SAMPLE_HASHES.active);
      expect(gets).toHaveLength(2);
      const second = gets[1];
      if (!second) throw new Error('no second request');
      // The mock answers no earlier than LATENCY_MS after it received the request.
      expect(shownAt).toBeLessThan(second.at + LATENCY_MS);

      session.api.latencyMs = 0;
      await popup.getByRole('button', { name: 'Refresh' }).click();
      await waitUntil('a third GET', async () => (getsFor(SAMPLE_HASHES.active).length === 3 ? true : undefined));
      await popup.getByRole('button', { name: 'Refresh' }).and(popup.locator(':enabled')).waitFor();
      expect(await textOf(freshness(popup))).toBe('Updated just now');
      expect(await cardName(popup)).toBe('Production backend');
      expect(getsFor(SAMPLE_HASHES.active)).toHaveLength(3);
    } finally {
      session.api.latencyMs = 0;
      await popup.close();
    }
  });

  it('with the cache set to 0, a repeated lookup that takes its time shows "Looking up key…" until the API answers', async () => {
    await saveOptions(session.h, { cacheSeconds: 0 });
    session.api.latencyMs = LATENCY_MS;
    const popup = await session.h.openPage('popup.html');
    try {
      session.api.clearRequests();
      // Still in the cache from the test before, had the cache been on.
      await submit(popup, SAMPLE_HASHES.active);
      await waitUntil('the GET', async () => getsFor(SAMPLE_HASHES.active)[0]);
      // Said once the lookup has run LOADING_DELAY_MS (150 ms); the API holds its answer 1.5 s.
      await popup.getByRole('status').filter({ hasText: 'Looking up key…' }).waitFor({ timeout: 1000 });
      expect(await card(popup).count()).toBe(0);
      await card(popup).waitFor();
      expect(await textOf(freshness(popup))).toBe('Updated just now');
      expect(getsFor(SAMPLE_HASHES.active)).toHaveLength(1);
    } finally {
      session.api.latencyMs = 0;
      await popup.close();
      await saveOptions(session.h, { cacheSeconds: 60 });
    }
  });

  it('saving another API base URL empties the cache', async () => {
    await lookUpOnce(SAMPLE_HASHES.byok);
    const page = await session.h.openPage('popup.html');
    expect(JSON.stringify((await readStorage(page, 'session')).resultCache)).toContain(SAMPLE_HASHES.byok);
    try {
      // The same mock under another name: a different base URL that still works.
      await saveOptions(session.h, { baseUrl: session.api.baseUrl.replace('127.0.0.1', 'localhost') });
      expect((await readStorage(page, 'session')).resultCache ?? {}).toEqual({});
    } finally {
      await saveOptions(session.h, { baseUrl: session.api.baseUrl });
      await page.close();
    }
  });
});

describe('recent lookups', () => {
  const LOOKED_UP = [SAMPLE_HASHES.byok, SAMPLE_HASHES.noLimit, SAMPLE_HASHES.expired];
  const short = (hash: string) => `${hash.slice(0, 8)}…${hash.slice(-6)}`;

  beforeAll(async () => {
    await clearStoredHistory();
    for (const hash of LOOKED_UP) await lookUpOnce(hash);
  });

  async function labels(page: Page): Promise<string[]> {
    await historyEntries(page).first().waitFor();
    return historyEntries(page).evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label') ?? ''));
  }

  const focused = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null);

  it('an empty popup lists them newest first, with name and status', async () => {
    const popup = await session.h.openPage('popup.html');
    await popup.getByRole('heading', { name: 'Recent lookups' }).waitFor();
    // The last part is when, as shown ("now", "1 minute ago"), which depends on the run's pace.
    expect((await labels(popup)).map((label) => label.replace(/, [^,]+$/, ''))).toEqual([
      `Look up Hackathon demo, Expired, ${short(SAMPLE_HASHES.expired)}`,
      `Look up Data team notebooks, Active, ${short(SAMPLE_HASHES.noLimit)}`,
      `Look up BYOK gateway, Active, ${short(SAMPLE_HASHES.byok)}`,
    ]);
    const first = historyEntries(popup).first();
    expect(await textOf(first.locator('.history__name'))).toBe('Hackathon demo');
    expect(await textOf(first.locator('.badge'))).toBe('Expired');
    await popup.close();
  });

  it('clicking one looks it up again', async () => {
    const popup = await session.h.openPage('popup.html');
    session.api.clearRequests();
    await historyEntries(popup).filter({ hasText: 'Data team notebooks' }).click();
    await card(popup).getByRole('heading', { name: 'Data team notebooks', level: 2 }).waitFor();
    expect(await popup.getByLabel('Key hash', { exact: true }).inputValue()).toBe(SAMPLE_HASHES.noLimit);
    // Shown from the cache at once, and asked again.
    await waitUntil('the GET', async () => getsFor(SAMPLE_HASHES.noLimit)[0]);
    await popup.close();
  });

  it('ArrowDown from the empty input focuses the first entry, arrows move between entries, Enter looks one up', async () => {
    const popup = await session.h.openPage('popup.html');
    const order = await labels(popup);
    expect(order).toHaveLength(3);
    const input = popup.getByLabel('Key hash', { exact: true });
    await expect.poll(() => input.evaluate((element) => element === document.activeElement)).toBe(true);

    const steps: Array<[string, string | null]> = [
      ['ArrowDown', order[0] ?? ''],
      ['ArrowDown', order[1] ?? ''],
      ['ArrowDown', order[2] ?? ''],
      ['ArrowUp', order[1] ?? ''],
    ];
    for (const [key, expected] of steps) {
      await popup.keyboard.press(key);
      expect([key, await focused(popup)]).toEqual([key, expected]);
    }
    await popup.keyboard.press('Enter');
    await card(popup).waitFor();
    const expectedName = /^Look up (.+), [^,]+, [^,]+, [^,]+$/.exec(order[1] ?? '')?.[1];
    expect(await cardName(popup)).toBe(expectedName);
    await popup.close();
  });

  it('ArrowUp from the first entry returns to the input', async () => {
    const popup = await session.h.openPage('popup.html');
    await labels(popup);
    await popup.keyboard.press('ArrowDown');
    await popup.keyboard.press('ArrowUp');
    expect(await popup.evaluate(() => document.activeElement?.id)).toBe('hash');
    await popup.close();
  });

  it('"Clear history" empties the list, also for the next popup', async () => {
    const popup = await session.h.openPage('popup.html');
    await labels(popup);
    await popup.getByRole('button', { name: 'Clear history' }).click();
    await popup.getByText('Lookups you make appear here.').waitFor();
    expect(await historyEntries(popup).count()).toBe(0);
    await popup.reload();
    await popup.getByText('Lookups you make appear here.').waitFor();
    expect(await historyEntries(popup).count()).toBe(0);
    await popup.close();
  });

  it('with "Remember recent lookups" off, the list is emptied and new lookups are not listed', async () => {
    await lookUpOnce(SAMPLE_HASHES.byok);
    try {
      await saveOptions(session.h, { historyEnabled: false });
      await lookUpOnce(SAMPLE_HASHES.active);
      const popup = await session.h.openPage('popup.html');
      await popup.getByText('Lookups you make appear here.').waitFor();
      expect(await historyEntries(popup).count()).toBe(0);
      expect((await readStorage(popup, 'local')).history ?? []).toEqual([]);
      await popup.close();
    } finally {
      await saveOptions(session.h, { historyEnabled: true });
    }
  });
});

describe('keyboard', () => {
  it('Enter looks up what was typed; Esc clears the field and the card', async () => {
    const popup = await session.h.openPage('popup.html');
    const input = popup.getByLabel('Key hash', { exact: true });
    await input.fill(SAMPLE_HASHES.limitReached);
    await input.press('Enter');
    await card(popup).waitFor();
    expect(await cardName(popup)).toBe('Nightly eval runner');

    await input.press('Escape');
    await expect.poll(() => card(popup).count()).toBe(0);
    expect(await input.inputValue()).toBe('');
    expect(await popup.getByRole('alert').count()).toBe(0);
    // Back to the empty popup, which lists recent lookups.
    await popup.getByRole('heading', { name: 'Recent lookups' }).waitFor();
    await popup.close();
  });
});

describe('copy buttons', () => {
  let popup: Page;
  let shown: Locator;

  beforeAll(async () => {
    popup = await session.h.openPage('popup.html');
    shown = await lookUp(popup, SAMPLE_HASHES.active);
  });

  /**
   * What a person would get by pasting: Ctrl+V into a text area of an ordinary page. (An extension
   * page cannot be granted clipboard-read here.)
   */
  async function pasteClipboard(): Promise<string> {
    const page = await session.h.context.newPage();
    try {
      await page.setContent('<textarea aria-label="Pasted"></textarea>');
      const area = page.getByLabel('Pasted');
      await area.focus();
      await page.keyboard.press('ControlOrMeta+V');
      return await area.inputValue();
    } finally {
      await page.close();
    }
  }

  async function copy(label: string): Promise<string> {
    const button = popup.getByRole('button', { name: label, exact: true });
    await button.click();
    await button.locator('xpath=..').getByRole('status').filter({ hasText: 'Copied' }).waitFor();
    return pasteClipboard();
  }

  it('"Copy name" copies the key\'s name', async () => {
    expect(await textOf(shown.getByRole('heading', { level: 2 }))).toBe('Production backend');
    expect(await copy('Copy name')).toBe('Production backend');
  });

  it('"Copy JSON" copies the card as a JSON object with the name and hash, and no management key', async () => {
    const text = await copy('Copy JSON of the card');
    const parsed: unknown = JSON.parse(text);
    expect(parsed).toMatchObject({ name: 'Production backend', hash: SAMPLE_HASHES.active });
    expect(text).not.toContain(MOCK_MANAGEMENT_KEY);
    expect(text).not.toContain(MOCK_MANAGEMENT_KEY.slice(-12));
  });
});
