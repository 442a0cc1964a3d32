// The `mg` keyword in both browsers, through the extension's real omnibox listeners (see
// driver/omnibox.ts): the rows for a sample key, an unknown hash, a secret and the hostile name
// (XML-escaped for Chrome, which reads descriptions as markup; as typed for Firefox, which shows
// plain text); history rows for part of a name, and watched keys the history does not hold; Enter
// opens the card page of the right key.
import { beforeAll, describe, expect, it } from 'vitest';
import { paceFields, setKeyFields } from '../../mock-api/control.ts';
import { SAMPLE_HASHES, UNKNOWN_HASH } from '../../mock-api/samples.ts';
import type { OmniboxState } from '../driver/types.ts';
import { withChrome } from '../driver/extension-api.ts';
import { waitUntil } from '../driver/wait.ts';
import { BROWSER, useExtension } from '../fixtures.ts';
import { saveOptions, waitForText } from '../pages.ts';

const SECRET = `sk-mg-v1-${SAMPLE_HASHES.active}`;
const SECRET_WORDS = "This looks like an API key, not its hash. Keys are never sent; paste the key's hash instead.";
const HOSTILE = '<img src=x onerror=alert(1)>';
/** What the browser is given for a text: Chrome's descriptions are XML. */
const asGiven = (text: string) =>
  BROWSER === 'chromium'
    ? text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/'/g, '&apos;')
    : text;

const session = useExtension({ configured: true });
const keyRequests = () => session.api.requests.filter((r) => r.method === 'GET').map((r) => r.url);

beforeAll(async () => {
  // The active sample's pace depends on the day of the month: without a reset it has none, so its
  // row is the same every day. The expiring one runs out before its reset, whatever the date.
  await setKeyFields(session.api, SAMPLE_HASHES.active, { limit_reset: null });
  await setKeyFields(session.api, SAMPLE_HASHES.expiringSoon, paceFields(new Date(), 'runsOut'));
});

/** Types `text` after `mg ` and waits until the first row answers it and rows came. */
async function type(text: string): Promise<OmniboxState> {
  await session.ext.omnibox.type(text);
  return waitUntil(`the rows for ${text}`, async () => {
    const state = await session.ext.omnibox.read();
    // The row set when the input starts ("Paste a key hash…") and the one while the lookup runs
    // come before the answer.
    const row = state.defaultRow;
    return state.rows !== null && row !== null && !/^(Looking up|Paste a key hash)/.test(row) ? state : undefined;
  });
}

describe('the mg keyword', () => {
  it('names a sample key in the first row and in a row that opens it', async () => {
    const line = 'Production backend · Active · $42.75 of $100.00 used';
    const state = await type(`see https://modelgates.ai/api/v1/keys/${SAMPLE_HASHES.active}`);
    expect(state).toEqual({ defaultRow: line, rows: [{ content: SAMPLE_HASHES.active, description: line }] });
  });

  it('adds when a key on pace to reach its limit before the reset runs out', async () => {
    expect((await type(SAMPLE_HASHES.expiringSoon)).defaultRow).toMatch(
      /^Contractor access \(Q3\) · Active, Expires in [23] days · \$[\d.]+ of \$100\.00 used · runs out (in ~\d+ (min|h|d)|about now)$/,
    );
  });

  it('says when no account has the hash', async () => {
    expect((await type(UNKNOWN_HASH)).defaultRow).toBe('b08aac59…2fc3db · No key with this hash');
  });

  it('shows the hostile name as typed', async () => {
    expect((await type(SAMPLE_HASHES.hostile)).defaultRow).toBe(asGiven(`${HOSTILE} · Active · $0.00 of $10.00 used`));
  });

  it('says a secret is an API key, not its hash, and sends nothing', async () => {
    const before = keyRequests().length;
    expect(await type(SECRET)).toEqual({ defaultRow: asGiven(SECRET_WORDS), rows: [] });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(keyRequests()).toHaveLength(before);
  });

  it('suggests keys from the history for part of a name, with no request', async () => {
    const before = keyRequests().length;
    const state = await type('PRODUCTION');
    expect(state.rows).toEqual([
      { content: SAMPLE_HASHES.active, description: 'Production backend · Active · 16ad3f43…427150' },
    ]);
    expect(state.defaultRow).toBe('Open the first match for “PRODUCTION”');
    expect(keyRequests()).toHaveLength(before);
  });

  it('opens the card of the entered key in a new tab', async () => {
    await type(SAMPLE_HASHES.disabled);
    await session.ext.omnibox.enter(SAMPLE_HASHES.disabled, 'newForegroundTab');
    const observer = await session.ext.openPage('popup.html');
    const card = `${session.ext.baseUrl}card.html#${SAMPLE_HASHES.disabled}`;
    const urls = await waitUntil('the card tab', async () => {
      const open = await withChrome(observer, async (chrome) =>
        (await chrome.tabs.query({})).map((tab) => tab.url ?? ''),
      );
      return open.includes(card) ? open : undefined;
    });
    expect(urls).toContain(card);
    await observer.close();
  });

  it('suggests a watched key the history does not hold, for part of its name, with no request', async () => {
    // With the history off (which empties it), the key watched from its card is in the watchlist only.
    await saveOptions(session.ext, { historyEnabled: false });
    const card = await session.ext.openPage(`card.html#${SAMPLE_HASHES.byok}`);
    await waitForText(card, '.key-card__name', 'BYOK gateway');
    await card.click('button', 'Watch');
    await waitUntil('Watching', () =>
      card.evaluate(() =>
        Array.from(document.querySelectorAll('button')).some((b) => b.innerText.trim() === 'Watching')
          ? true
          : undefined,
      ),
    );
    await card.close();
    const before = keyRequests().length;
    const state = await type('gatew');
    expect(state.rows).toEqual([
      { content: SAMPLE_HASHES.byok, description: 'BYOK gateway · Active · 9c179d0e…7ae88a' },
    ]);
    expect(keyRequests()).toHaveLength(before);
  });
});
