// `npm run demo`: the built extension in Chromium, talking to the local mock API.
// Headless (no $DISPLAY): screenshots of the popup for every sample key in demo-output/.
// Headed: leaves the browser open on the popup page until Ctrl-C.
// Runs under plain `node`: erasable TypeScript only.
import { mkdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { MOCK_ACCOUNTS } from '../test/mock-api/accounts.ts';
import { SAMPLE_HASHES, type SampleName } from '../test/mock-api/samples.ts';
import { lookUp, textOf, withExtension, type ExtensionHarness } from './lib/extension-session.ts';
import { PROJECT_ROOT } from './lib/paths.ts';
import { runScript } from './lib/run-script.ts';

const PREFERRED_PORT = 8787;
const OUTPUT_DIR = join(PROJECT_ROOT, 'demo-output');
const POPUP_VIEWPORT = { width: 380, height: 600 };

/** One screenshot per sample; returns the files written, or throws if a sample showed no card. */
async function screenshotSamples(h: ExtensionHarness): Promise<string[]> {
  await mkdir(OUTPUT_DIR, { recursive: true });
  const files: string[] = [];
  const failures: string[] = [];
  for (const name of Object.keys(SAMPLE_HASHES) as SampleName[]) {
    const page = await h.openPage('popup.html');
    try {
      const outcome = await lookUp(page, SAMPLE_HASHES[name]);
      // Every account has answered: no "Still asking …" line in the picture.
      await page.waitForFunction(() => document.querySelector('.lookup-pending') === null);
      const card = page.getByRole('article', { name: 'Key details' });
      if (await card.isVisible()) {
        const account = await textOf(card.locator('.key-card__account'));
        console.log(`  ${name}: ${await textOf(card.getByRole('heading', { level: 2 }))} (${account})`);
      } else {
        failures.push(`${name}: ${await textOf(outcome)}`);
      }
      const file = join(OUTPUT_DIR, `popup-${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
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

async function main(): Promise<void> {
  const headed = Boolean(process.env.DISPLAY);
  const options = { preferredPort: PREFERRED_PORT, headless: !headed, viewport: POPUP_VIEWPORT, twoAccounts: true };
  await withExtension(options, async ({ apis, h }) => {
    // Two accounts, each a mock of its own: every card says which account holds its key.
    for (const [index, api] of apis.entries()) {
      const name = MOCK_ACCOUNTS[index]?.name ?? '';
      console.log(`Account "${name}": mock API ${api.baseUrl}, key ending in ${api.managementKey.slice(-4)}`);
    }

    if (!headed) {
      const files = await screenshotSamples(h);
      console.log('\nScreenshots:');
      for (const file of files) console.log(`  ${relative(process.cwd(), file)}`);
      return;
    }

    await h.openPage('popup.html');
    console.log('\nThe popup page is open. Hashes to try:');
    for (const [name, hash] of Object.entries(SAMPLE_HASHES)) {
      const account = MOCK_ACCOUNTS.find((a) => a.holds.includes(hash))?.name ?? '';
      console.log(`  ${name.padEnd(13)} ${hash}  ${account}`);
    }
    console.log('\nPress Ctrl-C to stop.');
    // Closing the browser window also ends the demo.
    await Promise.race([interrupted(), new Promise((resolve) => h.context.once('close', resolve))]);
  });
}

runScript(main);
