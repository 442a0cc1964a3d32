// The side panel beside a page, for the README (docs/side-panel.png): a billing export on the
// left, and the panel as Chrome shows it on the right, with three keys looked up (the newest open,
// the two before it collapsed to their line). Headless Chromium draws no browser chrome, so the
// two are drawn apart, at their real widths, and put side by side in one image by a blank page.
// Runs under plain `node`: erasable TypeScript only.
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { SAMPLE_HASHES } from '../test/mock-api/samples.ts';
import { lookUp, type ExtensionHarness } from './lib/extension-session.ts';

const PAGE = { width: 880, height: 800 };
const PANEL = { width: 400, height: 800 };

/** The page the panel sits beside: a billing export that names keys only by their hash. */
function billingExport(): string {
  const rows = [
    ['2026-11-24', SAMPLE_HASHES.active, '$12.40'],
    ['2026-11-24', SAMPLE_HASHES.limitReached, '$25.00'],
    ['2026-11-25', SAMPLE_HASHES.byok, '$3.15'],
    ['2026-11-25', SAMPLE_HASHES.active, '$8.05'],
    ['2026-11-26', SAMPLE_HASHES.expiringSoon, '$0.90'],
  ];
  const cells = rows
    .map(([day, hash, cost]) => `<tr><td>${day}</td><td><code>${hash}</code></td><td>${cost}</td></tr>`)
    .join('');
  return `<!doctype html><meta charset="utf-8"><style>
    body { font: 14px/1.5 system-ui, sans-serif; margin: 0; color: #1a1a1f; background: #fff; }
    header { padding: 14px 20px; background: #f4f4f6; border-bottom: 1px solid #d6d6dd; font-weight: 600; }
    main { padding: 16px 20px; } table { border-collapse: collapse; width: 100%; }
    th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid #e3e3e8; }
    code { font-size: 12px; word-break: break-all; } ::selection { background: #bcd4f6; }
  </style><header>Billing export · November 2026</header><main><h1 style="font-size:18px">API keys by cost</h1>
  <table><thead><tr><th>Day</th><th>Key hash</th><th>Cost</th></tr></thead><tbody>${cells}</tbody></table></main>`;
}

/** An image of `html` at this size. */
async function shoot(context: BrowserContext, size: { width: number; height: number }, html: string): Promise<Buffer> {
  const page = await context.newPage();
  try {
    await page.setViewportSize(size);
    await page.setContent(html);
    return await page.screenshot();
  } finally {
    await page.close();
  }
}

/** Writes docs/side-panel.png and returns its path. */
export async function shootSidePanel(h: ExtensionHarness, docsDir: string): Promise<string> {
  const panel = await h.openPage('sidepanel.html');
  let panelImage: Buffer;
  try {
    await panel.setViewportSize(PANEL);
    await panel.emulateMedia({ colorScheme: 'light' });
    await panel.locator('.stack').waitFor();
    if ((await panel.locator('.stack-card').count()) > 0) await panel.getByRole('button', { name: 'Clear' }).click();
    for (const hash of [SAMPLE_HASHES.active, SAMPLE_HASHES.limitReached, SAMPLE_HASHES.byok]) {
      await lookUp(panel, hash);
      await panel.waitForFunction(() => document.querySelector('.lookup-pending') === null);
    }
    for (const name of ['Nightly eval runner', 'Production backend']) {
      await panel.locator('.stack-card__line', { hasText: name }).click();
    }
    await panel.waitForFunction(
      () => document.querySelectorAll('.stack-card__line[aria-expanded="false"]').length === 2,
    );
    await panel.getByLabel('Key hash').fill('');
    await panel.evaluate(() => {
      (document.activeElement as HTMLElement | null)?.blur();
      window.scrollTo(0, 0);
    });
    panelImage = await panel.screenshot();
  } finally {
    await panel.close();
  }
  const pageImage = await shoot(h.context, PAGE, billingExport());
  const image = (png: Buffer) => `<img src="data:image/png;base64,${png.toString('base64')}">`;
  const file = join(docsDir, 'side-panel.png');
  const both = await h.context.newPage();
  try {
    await both.setViewportSize({ width: PAGE.width + PANEL.width + 1, height: PAGE.height });
    await both.setContent(
      `<body style="margin:0;display:flex;background:#d6d6dd;gap:1px">${image(pageImage)}${image(panelImage)}</body>`,
    );
    await both.screenshot({ path: file });
  } finally {
    await both.close();
  }
  return file;
}
