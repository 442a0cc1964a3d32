// The card page on its own (card.html#<hash>), in both browsers: the address names the key it
// shows, with the popup's toolbar; anything but one whole hash is refused in the popup's words and
// never sent, and a secret is taken out of the address. (Reload and axe: chromium/card-tab.)
import { describe, expect, it } from 'vitest';
import { SAMPLE_HASHES } from '../../mock-api/samples.ts';
import { waitUntil } from '../driver/wait.ts';
import { useExtension } from '../fixtures.ts';
import { buttons, textOf, waitForText } from '../pages.ts';

const SECRET = `sk-mg-v1-${SAMPLE_HASHES.active}`;
const SECRET_WORDS = "This looks like an API key, not its hash. Keys are never sent; paste the key's hash instead.";
const INVALID_WORDS = 'No key hash found. A key hash is 64 hexadecimal characters (0–9 and a–f).';

const session = useExtension({ configured: true, viewport: { width: 1024, height: 768 } });

const keyRequests = () => session.api.requests.filter((r) => r.method === 'GET').map((r) => r.url);

describe('the card page', () => {
  it('shows the key its address names, with Refresh, Copy name and Copy JSON', async () => {
    const page = await session.ext.openPage(`card.html#${SAMPLE_HASHES.byok}`);
    await waitForText(page, '.key-card__name', 'BYOK gateway');
    const shown = await buttons(page);
    expect(shown).toEqual(expect.arrayContaining(['Refresh', 'Copy name', 'Copy JSON of the card']));
    expect(shown).not.toContain('Open in a tab');
    expect(await page.evaluate(() => document.title)).toBe('BYOK gateway: ModelGates Key Lookup');
    expect(keyRequests()).toContain(`/api/v1/keys/${SAMPLE_HASHES.byok}`);
    await page.close();
  });

  it.each([
    [
      'a hash a character short',
      SAMPLE_HASHES.active.slice(1),
      'This is 63 hexadecimal characters; a key hash is exactly 64.',
    ],
    ['no hash at all', '', INVALID_WORDS],
    ['a name', 'billing', INVALID_WORDS],
  ])('refuses %s in the popup words, and asks nothing', async (_, fragment, words) => {
    const before = keyRequests().length;
    const page = await session.ext.openPage(`card.html#${fragment}`);
    expect(await waitUntil('the refusal', () => textOf(page, '[role="alert"]').then((t) => t ?? undefined))).toBe(
      words,
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(keyRequests()).toHaveLength(before);
    await page.close();
  });

  it('refuses a secret key, sends nothing and takes it out of the address', async () => {
    const before = keyRequests().length;
    const page = await session.ext.openPage(`card.html#${SECRET}`);
    expect(await waitUntil('the refusal', () => textOf(page, '[role="alert"]').then((t) => t ?? undefined))).toBe(
      SECRET_WORDS,
    );
    expect(await page.evaluate(() => location.href)).toBe(`${session.ext.baseUrl}card.html`);
    expect(keyRequests()).toHaveLength(before);
    await page.close();
  });
});
