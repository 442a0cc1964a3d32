// `npm run demo`: the built extension in Chromium, talking to the local mock API;
// `npm run demo -- --browser firefox`: the same in Firefox ESR.
// Headless (no $DISPLAY): screenshots of the popup for every sample key in demo-output/ (Firefox's
// in demo-output/firefox/). Headed: leaves the browser open on the popup page until Ctrl-C.
// Runs under plain `node`: erasable TypeScript only.
import { mkdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { MOCK_ACCOUNTS } from '../test/mock-api/accounts.ts';
import { SAMPLE_HASHES, type SampleName } from '../test/mock-api/samples.ts';
import { pages, withBrowser, type BrowserName, type ExtensionBrowser } from './lib/extension-session.ts';
import { PROJECT_ROOT } from './lib/paths.ts';
import { runScript } from './lib/run-script.ts';

const PREFERRED_PORT = 8787;
const POPUP_VIEWPORT = { width: 380, height: 600 };
const BROWSERS: BrowserName[] = ['chromium', 'firefox'];

/** One screenshot per sample; returns the files written, or throws if a sample showed no card. */
async function screenshotSamples(ext: ExtensionBrowser, outputDir: string): Promise<string[]> {
  await mkdir(outputDir, { recursive: true });
  const files: string[] = [];
  const failures: string[] = [];
  for (const name of Object.keys(SAMPLE_HASHES) as SampleName[]) {
    const page = await ext.openPage('popup.html');
    try {
      await pages.lookUp(page, SAMPLE_HASHES[name]);
      // Every account has answered: no "Still asking …" line in the picture.
      await pages.waitForAllAccounts(page);
      const shown = await pages.textOf(page, pages.OUTCOME_SELECTOR);
      const isCard = await page.evaluate(() => document.querySelector('article[aria-label="Key details"]') !== null);
      const account = await pages.textOf(page, '.key-card__account');
      if (isCard) console.log(`  ${name}: ${await pages.outcomeHeading(page)} (${account ?? 'no account'})`);
      else failures.push(`${name}: ${shown}`);
      const file = join(outputDir, `popup-${name}.png`);
      await page.screenshot(file);
      files.push(file);
    } finally {
      await page.close();
    }
  }
  if (failures.length > 0) throw new Error(`No key card for:\n  ${failures.join('\n  ')}`);
  return files;
}

/** Resolves on the first Ctrl-C or SIGTERM. */
function interrupted(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', () => resolve());
    process.once('SIGTERM', () => resolve());
  });
}

function browserFromArgs(): BrowserName {
  const { values } = parseArgs({ options: { browser: { type: 'string', default: 'chromium' } } });
  const browser = BROWSERS.find((name) => name === values.browser);
  if (!browser) throw new Error(`--browser must be one of ${BROWSERS.join(', ')}, not "${values.browser}"`);
  return browser;
}

async function main(): Promise<void> {
  const browser = browserFromArgs();
  const headed = Boolean(process.env.DISPLAY);
  const options = { preferredPort: PREFERRED_PORT, headless: !headed, viewport: POPUP_VIEWPORT, twoAccounts: true };
  await withBrowser(browser, options, async ({ apis, ext }) => {
    // Two accounts, each a mock of its own: every card says which account holds its key.
    console.log(`Configured the extension in ${browser} for two accounts:`);
    for (const [index, api] of apis.entries()) {
      const name = MOCK_ACCOUNTS[index]?.name ?? '';
      console.log(`  "${name}": mock API ${api.baseUrl}, management key ending in ${api.managementKey.slice(-4)}`);
    }

    if (!headed) {
      const outputDir = join(PROJECT_ROOT, 'demo-output', ...(browser === 'chromium' ? [] : [browser]));
      const files = await screenshotSamples(ext, outputDir);
      console.log('\nScreenshots:');
      for (const file of files) console.log(`  ${relative(process.cwd(), file)}`);
      return;
    }

    await ext.openPage('popup.html');
    console.log('\nThe popup page is open. Hashes to try:');
    for (const [name, hash] of Object.entries(SAMPLE_HASHES)) {
      const account = MOCK_ACCOUNTS.find((a) => a.holds.includes(hash))?.name ?? '';
      console.log(`  ${name.padEnd(13)} ${hash}  ${account}`);
    }
    console.log('\nPress Ctrl-C to stop.');
    // Closing the browser window also ends the demo.
    await Promise.race([interrupted(), ext.closed]);
  });
}

runScript(main);
