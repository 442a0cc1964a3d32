// `node scripts/icons.ts`: renders assets/icon.svg to the PNG sizes the manifests use
// (public/icon/<size>.png, which WXT picks up), with Debian's Chromium. Run it after changing the SVG.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const root = join(import.meta.dirname, '..');
const SIZES = [16, 32, 48, 96, 128];
const svg = await readFile(join(root, 'assets/icon.svg'), 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
try {
  for (const size of SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`,
    );
    const file = join(root, `public/icon/${size}.png`);
    await page.screenshot({ path: file, omitBackground: true });
    console.log(file);
    await page.close();
  }
} finally {
  await browser.close();
}
