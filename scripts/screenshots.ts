// `npm run screenshots`: the popup as it looks for each sample key and for an error, in light and
// dark, written to docs/popup-<sample>-<scheme>.png; a card on pace to run out before its reset
// (docs/popup-pace-<scheme>.png); the card page of a watched key with 90 days of spend history
// (docs/card-page-chart-<scheme>.png); the bulk lookup page after a run (docs/bulk-page.png); the
// side panel beside a page with three keys (docs/side-panel.png, scripts/screenshot-panel.ts); and
// the store listings' images in store/images/ (scripts/lib/store-images.ts). The built extension in Debian's Chromium
// (headless) against the local mock API; each image is 380 px wide and as tall as the popup's
// content, as Chrome sizes a real popup. Runs under plain `node`: erasable TypeScript only.
import { mkdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Page } from 'playwright-core';
import { clearKeyFields, paceFields, setKeyFields } from '../test/mock-api/control.ts';
import { FAULT_HASHES, SAMPLE_HASHES, UNKNOWN_HASH, type SampleName } from '../test/mock-api/samples.ts';
import type { MockApi } from '../test/mock-api/server.ts';
import {
  lookUp,
  saveOptions,
  textOf,
  withChrome,
  withExtension,
  type ExtensionHarness,
} from './lib/extension-session.ts';
import { seedSeries, storeHistoryScript } from './lib/seed-history.ts';
import { PROJECT_ROOT } from './lib/paths.ts';
import { shootSidePanel } from './screenshot-panel.ts';
import { runScript } from './lib/run-script.ts';
import { STORE_IMAGES_DIR, takeStoreImages } from './lib/store-images.ts';

const DOCS_DIR = join(PROJECT_ROOT, 'docs');
const WIDTH = 380;
/** Chrome's largest popup height: taller content scrolls. */
const MAX_POPUP_HEIGHT = 600;
const SCHEMES = ['light', 'dark'] as const;

interface Shot {
  /** The file name's middle part: a sample's name, "error", or "mixed" (answers from two accounts). */
  name: string;
  hash: string;
  /** What the popup must show, or the screenshot would document the wrong thing. */
  expect: 'card' | 'alert';
}

const SHOTS: Shot[] = [
  ...(['active', 'expiringSoon', 'limitReached', 'byok', 'disabled'] satisfies SampleName[]).map((name) => ({
    name,
    hash: SAMPLE_HASHES[name],
    expect: 'card' as const,
  })),
  { name: 'error', hash: UNKNOWN_HASH, expect: 'alert' },
  // Not in Production, and Staging rate-limited: where the key is not, and which account could not be asked.
  { name: 'mixed', hash: FAULT_HASHES.rateLimitedSeconds, expect: 'alert' },
];

/** The bottom edge of the popup's content, in CSS px (the page below it is empty background). */
async function contentHeight(page: Page): Promise<number> {
  return page.evaluate(() => {
    const root = document.querySelector('main.popup') ?? document.body;
    return Math.ceil(root.getBoundingClientRect().bottom + window.scrollY);
  });
}

async function shoot(h: ExtensionHarness, shot: Shot): Promise<Array<{ file: string; height: number }>> {
  const page = await h.openPage('popup.html');
  try {
    const outcome = await lookUp(page, shot.hash);
    // Every account has answered: no "Still asking …" line in the picture.
    await page.waitForFunction(() => document.querySelector('.lookup-pending') === null);
    const isCard = (await outcome.getAttribute('aria-label')) === 'Key details';
    if (isCard !== (shot.expect === 'card')) {
      throw new Error(`${shot.name}: expected a ${shot.expect}, the popup showed "${await textOf(outcome)}"`);
    }
    const written: Array<{ file: string; height: number }> = [];
    for (const scheme of SCHEMES) {
      await page.emulateMedia({ colorScheme: scheme });
      const height = await contentHeight(page);
      const file = join(DOCS_DIR, `popup-${shot.name}-${scheme}.png`);
      // fullPage lets the clip reach below the viewport when the content is taller than it.
      await page.screenshot({ path: file, fullPage: true, clip: { x: 0, y: 0, width: WIDTH, height } });
      written.push({ file, height });
    }
    return written;
  } finally {
    await page.close();
  }
}

/** The bulk page after a run over every sample, a few faults and hashes no account holds. */
async function shootBulk(h: ExtensionHarness): Promise<string> {
  const page = await h.openPage('bulk.html');
  try {
    await page.setViewportSize({ width: 1280, height: 800 });
    const hashes = [...Object.values(SAMPLE_HASHES), FAULT_HASHES.serverErrorJson, UNKNOWN_HASH];
    const text = ['date,key_hash,cost', ...hashes.map((hash, i) => `2026-11-${10 + i},${hash},${i + 1}.25`)].join('\n');
    await page.getByRole('textbox', { name: 'Hashes or text containing them' }).fill(text);
    await page.getByRole('button', { name: 'Look up all' }).click();
    // "11 of 11": every hash is answered (in every account, or found in one).
    await page.waitForFunction(
      () => /^(\S+) of \1\b/.test(document.querySelector('.bulk-progress__line')?.textContent ?? ''),
      undefined,
      { timeout: 60_000 },
    );
    await page.emulateMedia({ colorScheme: 'light' });
    const height = await page.evaluate(() => Math.ceil(document.body.getBoundingClientRect().bottom + window.scrollY));
    const file = join(DOCS_DIR, 'bulk-page.png');
    await page.screenshot({
      path: file,
      fullPage: true,
      clip: { x: 0, y: 0, width: 1280, height: Math.min(height, 1200) },
    });
    return file;
  } finally {
    await page.close();
  }
}

/** The active sample on pace to run out before its reset (set over the mock's control endpoint). */
async function shootPace(h: ExtensionHarness, api: MockApi) {
  await setKeyFields(api, SAMPLE_HASHES.active, paceFields(new Date(), 'runsOut'));
  try {
    return await shoot(h, { name: 'pace', hash: SAMPLE_HASHES.active, expect: 'card' });
  } finally {
    await clearKeyFields(api, SAMPLE_HASHES.active);
  }
}

/** The card page of the active sample, watched, with 90 days of history, in both themes. */
async function shootChart(h: ExtensionHarness, api: MockApi): Promise<string[]> {
  const hash = SAMPLE_HASHES.active;
  const page = await h.openPage(`card.html#${hash}`);
  try {
    await page.setViewportSize({ width: 900, height: 800 });
    const accountId = await withChrome(page, async (chrome) => {
      const { settings } = (await chrome.storage.local.get('settings')) as {
        settings?: { accounts?: { id: string }[] };
      };
      return settings?.accounts?.[0]?.id ?? '';
    });
    const series = seedSeries({ hash, accountId, now: new Date() });
    // The key answers as the history's last point left it, so the card and the chart agree.
    const spent = (series.period.at(-1) ?? 0) / 100;
    await setKeyFields(api, hash, { usage_monthly: spent, limit_remaining: 100 - spent, limit_reset: 'monthly' });
    await page.evaluate(storeHistoryScript([series]));
    await page.reload();
    await page.getByRole('button', { name: 'Watch', exact: true }).click();
    await page.getByRole('button', { name: 'Watching', exact: true }).waitFor();
    const written: string[] = [];
    for (const scheme of SCHEMES) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.locator('figure.spend-chart[data-drawn="true"] canvas').first().waitFor();
      // A point read out, as hovering or the arrow keys do.
      await page.locator('.spend-chart__plot').focus();
      await page.keyboard.press('ArrowLeft');
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      const height = await page.evaluate(() =>
        Math.ceil(document.body.getBoundingClientRect().bottom + window.scrollY),
      );
      const file = join(DOCS_DIR, `card-page-chart-${scheme}.png`);
      await page.screenshot({ path: file, fullPage: true, clip: { x: 0, y: 0, width: 900, height } });
      written.push(file);
    }
    return written;
  } finally {
    await page.close();
    await clearKeyFields(api, hash);
  }
}

async function main(): Promise<void> {
  await mkdir(DOCS_DIR, { recursive: true });
  await mkdir(STORE_IMAGES_DIR, { recursive: true });
  // Two accounts, as the demo sets them up: each card says which account holds its key.
  await withExtension(
    { viewport: { width: WIDTH, height: MAX_POPUP_HEIGHT }, twoAccounts: true },
    async ({ h, api }) => {
      for (const shot of SHOTS) {
        for (const { file, height } of await shoot(h, shot)) {
          const scrolls = height > MAX_POPUP_HEIGHT ? ` (taller than ${MAX_POPUP_HEIGHT} px: the popup scrolls)` : '';
          console.log(`${relative(process.cwd(), file)}  ${WIDTH} × ${height}${scrolls}`);
        }
      }
      console.log(relative(process.cwd(), await shootBulk(h)));
      // Every answer from the API from here on: the mock's changed spend is shown at once.
      await saveOptions(h, { cacheSeconds: 0 });
      for (const { file, height } of await shootPace(h, api))
        console.log(`${relative(process.cwd(), file)}  ${WIDTH} × ${height}`);
      for (const file of await shootChart(h, api)) console.log(relative(process.cwd(), file));
      console.log(relative(process.cwd(), await shootSidePanel(h, DOCS_DIR)));
      for (const file of await takeStoreImages(h)) console.log(relative(process.cwd(), file));
    },
  );
}

runScript(main);
