import { render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HASH, makeKey, NOW, OTHER_HASH } from '@/test/fixtures/key';
import { INVALID_HASH_MESSAGE, SECRET_KEY_MESSAGE } from '@/utils/hash-input';
import type { MergedLookup } from '@/utils/lookup/account-answers';
import { askWorker } from '@/utils/messaging/page/worker-client';
import { App } from './App';

// The card page (card.html#<hash>) with the worker (askWorker) replaced: what the address makes it
// ask, what it refuses to send, and what the tab's title says.
vi.mock('@/utils/messaging/page/worker-client', () => ({ askWorker: vi.fn() }));

const SECRET = `sk-mg-v1-${'a'.repeat(64)}`;
const names: Record<string, string> = { [HASH]: 'Production backend', [OTHER_HASH]: 'Billing exporter' };
const foundFor = (hash: string): MergedLookup => ({
  ok: true,
  found: [{ key: makeKey({ hash, name: names[hash] ?? '' }), fetchedAt: NOW.toISOString() }],
});

/** Opens the page at this address, as a tab would. */
async function openAt(fragment: string) {
  const before = location.hash;
  const announced = new Promise((resolve) => window.addEventListener('hashchange', resolve, { once: true }));
  history.replaceState(null, '', `/card.html${fragment}`);
  // happy-dom announces even a replaceState with a hashchange (a browser does not): let that
  // pass before the page is there to hear it.
  if (location.hash !== before) await announced;
  return render(<App />);
}
const cardName = () => screen.queryByRole('heading', { level: 2 })?.textContent;
const sent = () => vi.mocked(askWorker).mock.calls;
/** What the page asked to be looked up (the card also asks whether its key is watched). */
const lookups = () => sent().flatMap(([type, data]) => (type === 'lookup' ? [data] : []));

beforeEach(() => {
  vi.mocked(askWorker).mockReset();
  vi.mocked(askWorker).mockImplementation((async (type: string, data?: unknown) => {
    const { hash } = data as { hash: string };
    return type === 'lookup' ? foundFor(hash) : { ok: true, watching: false };
  }) as typeof askWorker);
  vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
});
afterEach(() => vi.useRealTimers());

describe('card page', () => {
  it('looks up the hash in its address and shows its card, named in the tab’s title', async () => {
    await openAt(`#${HASH.toUpperCase()}`);
    await waitFor(() => expect(cardName()).toBe('Production backend'));
    expect(lookups()).toEqual([{ hash: HASH, allowCached: true }]);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(`Key ${HASH.slice(0, 8)}…${HASH.slice(-6)}`);
    // The title is set by an effect, which Preact runs after the frame is painted.
    await waitFor(() => expect(document.title).toBe('Production backend: ModelGates Key Lookup'));
  });

  it('follows a new hash in the address, and its title follows the new key’s name', async () => {
    await openAt(`#${HASH}`);
    await waitFor(() => expect(document.title).toBe('Production backend: ModelGates Key Lookup'));
    location.hash = OTHER_HASH;
    await waitFor(() => expect(cardName()).toBe('Billing exporter'));
    await waitFor(() => expect(document.title).toBe('Billing exporter: ModelGates Key Lookup'));
    expect(lookups()).toEqual([
      { hash: HASH, allowCached: true },
      { hash: OTHER_HASH, allowCached: true },
    ]);
  });

  it('names an unnamed key in the title as the card does', async () => {
    names[HASH] = '';
    try {
      await openAt(`#${HASH}`);
      await waitFor(() => expect(cardName()).toBeTruthy());
      await waitFor(() => expect(document.title).toBe(`${cardName()}: ModelGates Key Lookup`));
    } finally {
      names[HASH] = 'Production backend';
    }
  });

  it.each([
    ['no hash', '#abc123', INVALID_HASH_MESSAGE],
    ['nothing', '', INVALID_HASH_MESSAGE],
    ['two hashes', `#${HASH},${OTHER_HASH}`, INVALID_HASH_MESSAGE],
    ['a broken escape', '#%E0%A4%A', INVALID_HASH_MESSAGE],
  ])('refuses an address with %s, in the popup’s words, and sends nothing', async (_, fragment, message) => {
    await openAt(fragment);
    expect(screen.getByRole('alert').textContent).toBe(message);
    expect(document.title).toBe('Key card: ModelGates Key Lookup');
    expect(sent()).toEqual([]);
  });

  it('takes a secret key out of the address before anything else, and never sends it', async () => {
    await openAt(`#${SECRET}`);
    expect(location.href).not.toContain('sk-mg');
    expect(location.pathname).toBe('/card.html');
    expect(screen.getByRole('alert').textContent).toBe(SECRET_KEY_MESSAGE);
    expect(document.body.textContent).not.toContain(SECRET);
    expect(sent()).toEqual([]);
  });
});
