// Lookups that take a while: the background stopped in the middle of one, and the timeout the
// user chose.
import { describe, expect, it } from 'vitest';
import type { ExtensionPage } from '../driver/types.ts';
import { waitUntil } from '../driver/wait.ts';
import { FAULT_HASHES, SAMPLE_HASHES } from '../../mock-api/samples.ts';
import type { RecordedRequest } from '../../mock-api/server.ts';
import { useExtension } from '../fixtures.ts';
import {
  fieldState,
  lookUp,
  outcomeHeading,
  OUTCOME_SELECTOR,
  readNotice,
  readStorage,
  saveOptions,
} from '../pages.ts';

/** Long enough that neither the timeout nor the slow answer can end a lookup during a test. */
const LONG_TIMEOUT_SECONDS = 20;

const session = useExtension({ mock: { slowMs: 30_000 }, configured: { timeoutSeconds: LONG_TIMEOUT_SECONDS } });

function getsFor(hash: string): RecordedRequest[] {
  return session.api.requests.filter(
    (r) => r.target === 'api' && r.method === 'GET' && r.url.endsWith(`/keys/${hash}`),
  );
}

/** Types a hash and presses Enter without waiting for anything. */
async function submit(page: ExtensionPage, hash: string): Promise<void> {
  await page.fill('Key hash', hash);
  await page.press('Enter');
}

const isLoading = (page: ExtensionPage) =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll('[role="status"]')).some((status) =>
      status.textContent?.includes('Looking up key…'),
    ),
  );

describe('the background stops while a lookup is in flight', () => {
  it('the popup says so instead of spinning, and the next lookup works', async () => {
    const { api, ext } = session;
    const popup = await ext.openPage('popup.html');
    await submit(popup, FAULT_HASHES.slow);
    await waitUntil('"Looking up key…"', async () => ((await isLoading(popup)) ? true : undefined));
    await waitUntil('the mock to receive the GET', async () => getsFor(FAULT_HASHES.slow)[0]);

    await ext.stopBackground();
    // The API would answer in 30 s and the timeout is 20 s: only noticing the stopped background
    // can end the spinner within this bound.
    const heading = await waitUntil('a card or alert', () =>
      popup.evaluate(
        (selector) => document.querySelector(`:is(${selector}) h2`)?.textContent ?? undefined,
        OUTCOME_SELECTOR,
      ),
    );
    expect(await isLoading(popup)).toBe(false);
    expect(['The lookup was interrupted', 'Production backend']).toContain(heading);

    // The next message wakes the background again, which answers.
    api.clearRequests();
    await lookUp(popup, SAMPLE_HASHES.noLimit);
    expect(await outcomeHeading(popup)).toBe('Data team notebooks');
    expect(getsFor(SAMPLE_HASHES.noLimit)).toHaveLength(1);
    await popup.close();
  });
});

describe('the timeout setting', () => {
  const FIELD_MESSAGE = 'The timeout must be a whole number of seconds from 3 to 60.';

  it('at 3 seconds, a slow API is reported as "did not answer in time" after about 3 s', async () => {
    const { ext } = session;
    await saveOptions(ext, { timeoutSeconds: 3 });
    const popup = await ext.openPage('popup.html');
    const started = Date.now();
    await lookUp(popup, FAULT_HASHES.slow);
    const elapsed = Date.now() - started;
    const notice = await readNotice(popup);
    expect(notice.title).toBe('The API did not answer in time');
    expect(notice.body).toBe('No answer within 3 seconds.');
    // Loose bounds: not before the chosen 3 s, and well before the default 10 s.
    expect(elapsed).toBeGreaterThanOrEqual(2_900);
    expect(elapsed).toBeLessThan(10_000);
    await popup.close();
  });

  it.each([['2'], ['61'], ['']])('%j is refused beside the field, and nothing is saved', async (value) => {
    const { ext } = session;
    const options = await ext.openPage('options.html');
    await options.fill('Timeout (seconds)', value);
    await options.click('button', 'Save');
    await waitUntil('the refusal', () =>
      options.evaluate(
        () =>
          Array.from(document.querySelectorAll('[role="status"]')).some((status) =>
            status.textContent?.includes('Nothing was saved. Correct the fields marked below.'),
          ) || undefined,
      ),
    );
    const field = await fieldState(options, 'timeoutSeconds');
    expect(field.invalid).toBe(true);
    expect(field.description).toContain(FIELD_MESSAGE);
    await options.close();

    const reopened = await ext.openPage('options.html');
    await waitUntil('the saved timeout', async () =>
      (await fieldState(reopened, 'timeoutSeconds').catch(() => undefined))?.value === '3' ? true : undefined,
    );
    const settings = (await readStorage(reopened, 'local')).settings as { timeoutSeconds?: unknown } | undefined;
    expect(settings?.timeoutSeconds).toBe(3);
    await reopened.close();
  });
});
