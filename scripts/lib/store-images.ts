// The store listings' images (scripts/lib/store-image-list.ts), drawn by `npm run screenshots`
// (scripts/screenshots.ts) with the built extension in Chromium against the mock API (two
// accounts), in the light theme, into store/images/: screenshots at 1280×800, the 440×280 small
// promo tile and the 128 px store icon. The side panel's screenshot, once it lands, is one more
// entry in the list and one more drawing in DRAW.
// Runs under plain `node`: erasable TypeScript only.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { SAMPLE_HASHES, UNKNOWN_HASH } from '../../test/mock-api/samples.ts';
import { lookUp, type ExtensionHarness } from './extension-session.ts';
import { PROJECT_ROOT } from './paths.ts';
import { pngFacts } from './png.ts';
import { SCREENSHOT, STORE_IMAGES } from './store-image-list.ts';
import { popupOverPageHtml, promoTileHtml, storeIconHtml, type ExportRow } from './store-compositions.ts';

export const STORE_IMAGES_DIR = join(PROJECT_ROOT, 'store/images');

type Draw = (h: ExtensionHarness) => Promise<Buffer>;

/** How each image of STORE_IMAGES is drawn, by its file name. */
const DRAW: Record<string, Draw> = {
  'screenshot-1-popup.png': drawPopupOverPage,
  'screenshot-2-bulk.png': drawBulkPage,
  'screenshot-3-card.png': drawCardPage,
  'screenshot-4-options.png': drawOptionsPage,
  'promo-small-440x280.png': drawTile,
  'icon-128.png': drawIcon,
};

/** Draws every image, checks its size and alpha channel, writes it; returns the files written. */
export async function takeStoreImages(h: ExtensionHarness): Promise<string[]> {
  const written: string[] = [];
  for (const image of STORE_IMAGES) {
    const draw = DRAW[image.file];
    if (!draw) throw new Error(`${image.file}: no drawing for it in scripts/lib/store-images.ts`);
    const png = await draw(h);
    const facts = pngFacts(png);
    if (facts.width !== image.width || facts.height !== image.height || facts.alpha !== image.alpha) {
      throw new Error(
        `${image.file}: drawn ${facts.width}×${facts.height}, alpha ${facts.alpha}; wanted ${image.width}×${image.height}, alpha ${image.alpha}`,
      );
    }
    const file = join(STORE_IMAGES_DIR, image.file);
    await writeFile(file, png);
    written.push(file);
  }
  return written;
}

const iconSvg = () => readFile(join(PROJECT_ROOT, 'assets/icon.svg'), 'utf8');

/** An extension page in the light theme at the screenshot's size. */
async function openLight(
  h: ExtensionHarness,
  path: string,
  size: { width: number; height: number } = SCREENSHOT,
): Promise<Page> {
  const page = await h.openPage(path);
  await page.setViewportSize(size);
  await page.emulateMedia({ colorScheme: 'light' });
  return page;
}

/** HTML drawn at its exact size: transparent where it has no background when `alpha`. */
async function drawHtml(h: ExtensionHarness, html: string, width: number, height: number, alpha = false) {
  const page = await h.context.newPage();
  try {
    await page.setViewportSize({ width, height });
    await page.setContent(html);
    return await page.screenshot({ omitBackground: alpha });
  } finally {
    await page.close();
  }
}

async function drawPopupOverPage(h: ExtensionHarness): Promise<Buffer> {
  const hash = SAMPLE_HASHES.active;
  const page = await openLight(h, 'popup.html', { width: 380, height: 600 });
  let popup: Buffer;
  try {
    await lookUp(page, hash);
    await page.waitForFunction(() => document.querySelector('.lookup-pending') === null);
    const height = await page.evaluate(() =>
      Math.ceil((document.querySelector('main.popup') ?? document.body).getBoundingClientRect().bottom),
    );
    popup = await page.screenshot({ clip: { x: 0, y: 0, width: 380, height: Math.min(height, 600) } });
  } finally {
    await page.close();
  }
  const others = [SAMPLE_HASHES.byok, SAMPLE_HASHES.limitReached, SAMPLE_HASHES.expiringSoon, SAMPLE_HASHES.noLimit];
  const rows: ExportRow[] = [...others.slice(0, 2), hash, ...others.slice(2), SAMPLE_HASHES.disabled].map(
    (each, i) => ({
      date: `2026-11-${String(3 + i * 4).padStart(2, '0')}`,
      hash: each,
      cost: `$${(12.4 + i * 7.35).toFixed(2)}`,
    }),
  );
  return drawHtml(h, popupOverPageHtml(popup, await iconSvg(), rows, hash), SCREENSHOT.width, SCREENSHOT.height);
}

async function drawBulkPage(h: ExtensionHarness): Promise<Buffer> {
  const page = await openLight(h, 'bulk.html');
  try {
    // The samples a person would meet (not the mock's hostile or partial ones), and a hash no account holds.
    const { hostile: _hostile, partial: _partial, ...samples } = SAMPLE_HASHES;
    const hashes = [...Object.values(samples), UNKNOWN_HASH];
    const text = ['date,key_hash,cost', ...hashes.map((hash, i) => `2026-11-${10 + i},${hash},${i + 1}.25`)].join('\n');
    await page.getByRole('textbox', { name: 'Hashes or text containing them' }).fill(text);
    await page.getByRole('button', { name: 'Look up all' }).click();
    // "16 of 16": every account has answered about every hash.
    await page.waitForFunction(
      () => /^(\S+) of \1\b/.test(document.querySelector('.bulk-progress__line')?.textContent ?? ''),
      undefined,
      { timeout: 60_000 },
    );
    // The run's progress, summary and table at the top, rather than the text that was pasted.
    await scrollToTop(page.locator('.bulk-progress__line'), 110);
    return await page.screenshot();
  } finally {
    await page.close();
  }
}

/** Scrolls so that the element is `above` px below the top of the window. */
async function scrollToTop(element: Locator, above: number): Promise<void> {
  await element.evaluate((node, above) => {
    window.scrollTo(0, Math.max(0, node.getBoundingClientRect().top + window.scrollY - above));
  }, above);
}

async function drawCardPage(h: ExtensionHarness): Promise<Buffer> {
  const page = await openLight(h, `card.html#${SAMPLE_HASHES.expiringSoon}`);
  try {
    await page.locator('.key-card__name').waitFor();
    await page.waitForFunction(() => document.querySelector('.lookup-pending') === null);
    return await page.screenshot();
  } finally {
    await page.close();
  }
}

async function drawOptionsPage(h: ExtensionHarness): Promise<Buffer> {
  const page = await openLight(h, 'options.html');
  try {
    // The privacy choices with the policy's link, and the alerts for watched keys.
    await scrollToTop(page.getByRole('group', { name: 'Privacy', exact: true }), 24);
    return await page.screenshot();
  } finally {
    await page.close();
  }
}

async function drawTile(h: ExtensionHarness): Promise<Buffer> {
  return drawHtml(h, promoTileHtml(await iconSvg()), 440, 280);
}

async function drawIcon(h: ExtensionHarness): Promise<Buffer> {
  return drawHtml(h, storeIconHtml(await iconSvg()), 128, 128, true);
}
