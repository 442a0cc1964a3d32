// The ways into "Look up many keys" (Chromium: Playwright opens the web pages and finds the new
// tab): "Find key hashes on this page" from the page's context menu (the click dispatched in the
// worker, as for "Look up key hash") reads only the visible text; a page without hashes and a
// page extensions may not read say so; a selection with several hashes and the popup's "Look up
// all N" open the page with them. axe checks the page empty, with results, and with a row watched.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { SAMPLE_HASHES } from '../../mock-api/samples.ts';
import { waitUntil } from '../driver/wait.ts';
import { withChrome } from '../driver/extension-api.ts';
import { useChromium } from '../fixtures.ts';

const VISIBLE = [SAMPLE_HASHES.active, SAMPLE_HASHES.expired, SAMPLE_HASHES.disabled];
const HIDDEN = SAMPLE_HASHES.noLimit;
const SECRET = `sk-mg-v1-${'5e'.repeat(32)}`;
const PAGE = `<!doctype html><title>Incident 4711</title><h1>Incident 4711</h1>
<p>Requests from ${VISIBLE[0]} and ${VISIBLE[1]}, then ${VISIBLE[0]} again.</p>
<pre>key=${VISIBLE[2]} token=${SECRET}</pre><p style="display:none">${HIDDEN}</p>`;

const PAGES: Record<string, string> = {
  '/incident.html': PAGE,
  '/empty.html': '<!doctype html><title>Empty</title><p>Nothing here.</p>',
};

const session = useChromium({ configured: true, viewport: { width: 1200, height: 800 } });
const opened: Page[] = [];

afterEach(async () => {
  for (const page of [...opened, ...session.h.context.pages().filter((p) => p.url().includes('/bulk.html'))]) {
    await page.close();
  }
  opened.length = 0;
});

/**
 * A local test page at an address the extension holds a host permission for (the real click
 * grants activeTab; a dispatched one cannot): Playwright serves it, nothing leaves the machine.
 */
async function webPage(path: string): Promise<Page> {
  const page = await session.h.context.newPage();
  opened.push(page);
  await page.route(`https://modelgates.ai${path}`, (route) =>
    route.fulfill({ contentType: 'text/html', body: PAGES[path] ?? '' }),
  );
  await page.goto(`https://modelgates.ai${path}`);
  await page.bringToFront();
  return page;
}

/** The bulk page a way in has opened, once its text area holds what it was given. */
async function bulkPageText(): Promise<string> {
  return waitUntil('the bulk page with its hashes', async () => {
    const page = session.h.context.pages().find((p) => p.url().includes('/bulk.html'));
    const text = await page
      ?.locator('#bulk-text')
      .inputValue()
      .catch(() => '');
    return text ? text : undefined;
  });
}

/** The alert of the popup the worker opened (the action popup, or its fallback window). */
async function popupAlert(): Promise<string> {
  const observer = await session.h.openPage('options.html');
  opened.push(observer);
  return waitUntil('the popup to say why', () =>
    withChrome(observer, (chrome) => {
      const popup = chrome.extension.getViews().find((view) => view.location.pathname === '/popup.html');
      return popup?.document.querySelector('[role="alert"]')?.textContent?.trim() || undefined;
    }),
  );
}

describe('ways into Look up many keys', () => {
  it('"Find key hashes on this page" opens the page with the visible hashes only, no secret', async () => {
    await webPage('/incident.html');
    session.api.clearRequests();
    await session.ext.clickContextMenu({ menuItemId: 'find-on-page', fromTab: true });
    expect(await bulkPageText()).toBe(VISIBLE.join('\n'));
    // Reading the page asks the API nothing; only the user's "Look up all" will.
    expect(session.api.requests.filter((r) => r.url.startsWith('/api/'))).toEqual([]);
    const stored = await withChrome(session.h.worker, (chrome) => chrome.storage.session?.get());
    expect(JSON.stringify(stored)).not.toContain(SECRET);
    expect(JSON.stringify(stored)).not.toContain('Incident 4711');
  });

  it('says "No key hashes on this page" on a page without any', async () => {
    await webPage('/empty.html');
    await session.ext.clickContextMenu({ menuItemId: 'find-on-page', fromTab: true });
    expect(await popupAlert()).toContain('No key hashes on this page.');
  });

  it('says plainly that a browser page cannot be read', async () => {
    const page = await session.h.context.newPage();
    opened.push(page);
    await page.goto('chrome://version/');
    await page.bringToFront();
    await session.ext.clickContextMenu({ menuItemId: 'find-on-page', fromTab: true });
    expect(await popupAlert()).toContain('Extensions may not read this page');
  });

  it('a selection with several hashes opens the page with all of them', async () => {
    await session.ext.clickContextMenu({
      selectionText: `${VISIBLE[1]}, ${VISIBLE[2]} and ${VISIBLE[1]}`,
      fromTab: true,
    });
    expect(await bulkPageText()).toBe(`${VISIBLE[1]}\n${VISIBLE[2]}`);
  });

  it('the popup offers "Look up all 3" for pasted text with three hashes, and opens the page with them', async () => {
    const popup = await session.h.openPage('popup.html');
    opened.push(popup);
    await popup.getByLabel('Key hash').fill(VISIBLE.join(' '));
    await popup.getByLabel('Key hash').press('Enter');
    await popup.getByRole('button', { name: 'Look up all 3' }).click();
    expect(await bulkPageText()).toBe(VISIBLE.join('\n'));
  });

  it('has no serious or critical axe violations, empty and with results, in both colour schemes', async () => {
    const page = await session.h.openPage('bulk.html');
    opened.push(page);
    await page.getByRole('textbox', { name: 'Hashes or text containing them' }).waitFor();
    const blocking = async () => {
      const found: string[] = [];
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        const { violations } = await new AxeBuilder({ page }).analyze();
        for (const v of violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) {
          found.push(`${v.id} (${colorScheme}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
        }
      }
      return found;
    };
    expect(await blocking()).toEqual([]);
    await page
      .getByRole('textbox', { name: 'Hashes or text containing them' })
      .fill(Object.values(SAMPLE_HASHES).join('\n'));
    await page.getByRole('button', { name: 'Look up all' }).click();
    await page.getByText(`${Object.keys(SAMPLE_HASHES).length} of ${Object.keys(SAMPLE_HASHES).length}`).waitFor();
    await page.getByRole('button', { name: 'Expiring soon 1' }).waitFor();
    expect(await page.getByRole('progressbar').getAttribute('aria-valuenow')).toBe(
      String(Object.keys(SAMPLE_HASHES).length),
    );
    expect(await blocking()).toEqual([]);
    // A row selected (the header's box then mixed) and watched, with the outcome in words.
    await page.getByRole('checkbox', { name: 'Select Production backend', exact: true }).check();
    await page.getByRole('button', { name: 'Watch selected (1)' }).click();
    await page.getByRole('status').getByText('Watching 1 key.').waitFor();
    expect(await blocking()).toEqual([]);
  });
});
