import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HASH, NOW, OTHER_HASH, makeKey } from '@/test/fixtures/key';
import type { MergedLookup } from '@/utils/lookup/account-answers';
import type { HistoryEntry } from '@/utils/storage/background/items';
import { askWorker, type WorkerReply } from '@/utils/messaging/page/worker-client';
import { App } from './App';

/** The lock is off. */
const OPEN = { on: false, locked: false };
const lookup = vi.fn<(request: unknown) => Promise<MergedLookup>>();
const complete = vi.fn<(request: unknown) => Promise<MergedLookup>>();
const findOnPage = vi.fn<() => Promise<WorkerReply<'findOnPage'>>>();
vi.mock('@/utils/messaging/page/worker-client', () => ({ askWorker: vi.fn() }));
/** A worker with no context-menu lookup and an empty history, whose lookups `lookup` answers. */
vi.mocked(askWorker).mockImplementation(async (type: string, data?: unknown) => {
  if (type === 'lookup') return lookup(data);
  if (type === 'completeLookup') return complete(data);
  if (type === 'findOnPage') return findOnPage();
  if (type === 'popupStart')
    return { ok: true, lock: OPEN, last: null, history, watched: [], recent, cacheSeconds: 60 };
  return { ok: true, entries: type === 'history' ? history : [] };
});
let history: HistoryEntry[] = [];
/** The start reply's fresh cached answers. */
let recent: { hash: string; result: Extract<MergedLookup, { ok: true }> }[] = [];

beforeEach(() => {
  lookup.mockReset();
  complete.mockReset();
  history = [];
  recent = [];
  // A fixed clock for the card's age and badges; timers stay real for Testing Library's waits.
  vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
});
afterEach(() => vi.useRealTimers());

const found = (name = 'Production backend', account?: string, fetchedAt = NOW.toISOString()) => ({
  key: makeKey({ name }),
  fetchedAt,
  ...(account ? { account: { id: account.toLowerCase(), name: account } } : {}),
});
const fresh: MergedLookup = { ok: true, found: [found()] };
/** Answered 40 s before NOW, and served from the cache. */
const cachedAt = new Date(NOW.getTime() - 40_000).toISOString();
const input = () => screen.getByLabelText('Key hash') as HTMLInputElement;
/** The name on the card, once one is shown. */
const cardName = () => screen.queryByRole('heading', { level: 2 })?.textContent;
/** What the page's live regions say: the card's age is one of them. */
const statuses = () => screen.queryAllByRole('status').map((region) => region.textContent);
function paste(text: string) {
  const event = new Event('paste', { bubbles: true, cancelable: true }) as Event & { clipboardData: unknown };
  event.clipboardData = { getData: () => text };
  fireEvent(input(), event);
}

describe('popup App', () => {
  it('refuses a pasted secret key: never in the field, never sent', async () => {
    render(<App />);
    paste(`sk-mg-v1-${'a'.repeat(64)}`);
    expect((await screen.findByRole('alert')).textContent).toContain('not its hash');
    expect(input().value).toBe('');
    expect(lookup).not.toHaveBeenCalled();
  });

  it('looks a pasted hash up at once, picking it out of surrounding text', async () => {
    lookup.mockResolvedValue(fresh);
    render(<App />);
    paste(`GET /api/v1/keys/${HASH.toUpperCase()} 404`);
    await waitFor(() => expect(cardName()).toBe('Production backend'));
    expect(statuses()).toContain('Updated just now');
    expect(lookup).toHaveBeenCalledWith({ hash: HASH, allowCached: true });
  });

  it('shows a cached card at once, then the fresh one', async () => {
    const cached: MergedLookup = { ok: true, found: [found('Cached name', undefined, cachedAt)], cached: true };
    let answer: (r: MergedLookup) => void = () => {};
    lookup.mockResolvedValueOnce(cached).mockReturnValueOnce(new Promise((r) => (answer = r)));
    render(<App />);
    fireEvent.input(input(), { target: { value: HASH } });
    fireEvent.submit(input().closest('form') as HTMLFormElement);
    await waitFor(() => expect(cardName()).toBe('Cached name'));
    expect(statuses()).toContain('Refreshing…');
    expect(lookup).toHaveBeenLastCalledWith({ hash: HASH, allowCached: false });
    answer(fresh);
    await waitFor(() => expect(cardName()).toBe('Production backend'));
    expect(statuses()).toContain('Updated just now');
  });

  it('shows a key the start reply brought in the same task as Enter, without asking the worker first', async () => {
    recent = [{ hash: HASH, result: { ok: true, found: [found('Cached name', undefined, cachedAt)] } }];
    let answer: (r: MergedLookup) => void = () => {};
    lookup.mockReturnValueOnce(new Promise((r) => (answer = r)));
    render(<App />);
    await waitFor(() => expect(vi.mocked(askWorker)).toHaveBeenCalledWith('popupStart'));
    fireEvent.input(input(), { target: { value: HASH } });
    fireEvent.submit(input().closest('form') as HTMLFormElement);
    await waitFor(() => expect(cardName()).toBe('Cached name'));
    expect(statuses()).toContain('Refreshing…');
    // The one question to the worker is the refresh: no round trip before the card.
    expect(lookup.mock.calls).toEqual([[{ hash: HASH, allowCached: false }]]);
    answer(fresh);
    await waitFor(() => expect(cardName()).toBe('Production backend'));
  });

  it('asks the worker when the start reply’s answer is older than the cache time', async () => {
    const old = new Date(NOW.getTime() - 61_000).toISOString();
    recent = [{ hash: HASH, result: { ok: true, found: [found('Old name', undefined, old)] } }];
    lookup.mockResolvedValue(fresh);
    render(<App />);
    await waitFor(() => expect(vi.mocked(askWorker)).toHaveBeenCalledWith('popupStart'));
    fireEvent.input(input(), { target: { value: HASH } });
    fireEvent.submit(input().closest('form') as HTMLFormElement);
    await waitFor(() => expect(cardName()).toBe('Production backend'));
    expect(lookup.mock.calls[0]).toEqual([{ hash: HASH, allowCached: true }]);
  });

  it('shows a key looked up a moment ago in this popup at once when it is looked up again', async () => {
    lookup.mockResolvedValueOnce(fresh).mockReturnValueOnce(new Promise(() => {}));
    render(<App />);
    fireEvent.input(input(), { target: { value: HASH } });
    fireEvent.submit(input().closest('form') as HTMLFormElement);
    await waitFor(() => expect(cardName()).toBe('Production backend'));
    fireEvent.submit(input().closest('form') as HTMLFormElement);
    await waitFor(() => expect(statuses()).toContain('Refreshing…'));
    expect(cardName()).toBe('Production backend');
    expect(lookup.mock.calls).toEqual([[{ hash: HASH, allowCached: true }], [{ hash: HASH, allowCached: false }]]);
  });

  it('keeps the cached card when the refresh fails, and says why', async () => {
    lookup
      .mockResolvedValueOnce({ ok: true, found: [found(undefined, undefined, cachedAt)], cached: true })
      .mockResolvedValueOnce({ ok: false, error: { kind: 'network', origin: 'https://modelgates.ai' } });
    render(<App />);
    fireEvent.input(input(), { target: { value: HASH } });
    fireEvent.submit(input().closest('form') as HTMLFormElement);
    await waitFor(() =>
      expect(screen.getByRole('alert').textContent).toContain('Could not refresh: Could not reach the API.'),
    );
    expect(cardName()).toBe('Production backend');
    expect(statuses()).toContain('Updated 40 s ago');
  });

  it('clears the field and the card on Esc', async () => {
    lookup.mockResolvedValue(fresh);
    render(<App />);
    fireEvent.input(input(), { target: { value: HASH } });
    fireEvent.submit(input().closest('form') as HTMLFormElement);
    await waitFor(() => expect(cardName()).toBe('Production backend'));
    fireEvent.keyDown(input(), { key: 'Escape' });
    expect(input().value).toBe('');
    expect(cardName()).toBeUndefined();
  });

  it('asks which hash when the text holds several, and looks up the one picked', async () => {
    lookup.mockResolvedValue(fresh);
    render(<App />);
    fireEvent.input(input(), { target: { value: `${HASH}, ${OTHER_HASH}` } });
    fireEvent.submit(input().closest('form') as HTMLFormElement);
    fireEvent.click(await screen.findByRole('button', { name: `Look up ${OTHER_HASH}` }));
    await waitFor(() => expect(lookup).toHaveBeenCalledWith({ hash: OTHER_HASH, allowCached: true }));
  });

  it('says what a key hash is for malformed input, and sends nothing', async () => {
    render(<App />);
    fireEvent.input(input(), { target: { value: 'abc123' } });
    fireEvent.submit(input().closest('form') as HTMLFormElement);
    expect((await screen.findByRole('alert')).textContent).toMatch(/64/);
    expect(lookup).not.toHaveBeenCalled();
  });

  it('shows a card with one account as today: no account named', async () => {
    lookup.mockResolvedValue(fresh);
    render(<App />);
    paste(HASH);
    const card = await screen.findByRole('article', { name: 'Key details' });
    expect(card.textContent).not.toContain('Account');
    expect(complete).not.toHaveBeenCalled();
  });

  it('shows the card as soon as one account has the key, then a second account that has it too', async () => {
    const staging = found('In staging', 'Staging');
    let all: (r: MergedLookup) => void = () => {};
    lookup.mockResolvedValue({ ok: true, found: [staging], pending: [{ id: 'production', name: 'Production' }] });
    complete.mockReturnValue(new Promise((r) => (all = r)));
    render(<App />);
    paste(HASH);
    expect(await screen.findByText('Account: Staging')).toBeTruthy();
    expect(screen.getByText('Still asking Production…')).toBeTruthy();
    expect(complete).toHaveBeenCalledWith({ hash: HASH });
    all({ ok: true, found: [found('In production', 'Production'), staging] });
    await waitFor(() => expect(screen.getAllByRole('article').length).toBe(2));
    const cards = screen.getAllByRole('article', { name: 'Key details' });
    expect(cards.map((card) => card.querySelector('.key-card__account')?.textContent)).toEqual([
      'Account: Production',
      'Account: Staging',
    ]);
    expect(screen.queryByText(/Still asking/)).toBeNull();
  });

  it('keeps the card when the complete answer is replaced by a newer lookup', async () => {
    lookup.mockResolvedValue({
      ok: true,
      found: [found('In staging', 'Staging')],
      pending: [{ id: 'p', name: 'Production' }],
    });
    complete.mockResolvedValue({ ok: false, error: { kind: 'cancelled' } });
    render(<App />);
    paste(HASH);
    expect(await screen.findByText('Account: Staging')).toBeTruthy();
    await waitFor(() => expect(complete).toHaveBeenCalled());
    expect(screen.getByText('Account: Staging')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('offers "Find key hashes on this page" on the empty popup only, and says why when the page has none', async () => {
    findOnPage.mockResolvedValue({ ok: false, message: 'No key hashes on this page.' });
    lookup.mockResolvedValue(fresh);
    render(<App />);
    fireEvent.click(await screen.findByRole('button', { name: 'Find key hashes on this page' }));
    expect((await screen.findByRole('alert')).textContent).toBe('No key hashes on this page.');
    expect(findOnPage).toHaveBeenCalledTimes(1);
    paste(HASH);
    await screen.findByRole('heading', { name: 'Production backend' });
    // The card has the room: the button is gone while it shows.
    expect(screen.queryByRole('button', { name: 'Find key hashes on this page' })).toBeNull();
  });

  it('asks the worker once to start: the history and a context-menu lookup come in the same reply', async () => {
    history = [
      { hash: HASH, accountId: 'a', name: 'Billing', status: { text: 'Active', tone: 'ok' }, at: NOW.toISOString() },
    ];
    vi.mocked(askWorker).mockClear();
    render(<App />);
    expect(await screen.findByRole('button', { name: /Billing/ })).toBeTruthy();
    expect(vi.mocked(askWorker).mock.calls).toEqual([['popupStart']]);
  });

  it('asks for the history again only when the list shows, never on the way to a card', async () => {
    lookup.mockResolvedValue(fresh);
    render(<App />);
    fireEvent.input(input(), { target: { value: HASH } });
    fireEvent.submit(input().closest('form') as HTMLFormElement);
    await waitFor(() => expect(cardName()).toBe('Production backend'));
    const asked = () => vi.mocked(askWorker).mock.calls.map(([type]) => type);
    expect(asked()).not.toContain('history');
    // The lookup is now in the worker's history; emptying the field and pressing Enter shows the list.
    history = [
      { hash: HASH, accountId: 'a', name: 'Billing', status: { text: 'Active', tone: 'ok' }, at: NOW.toISOString() },
    ];
    vi.mocked(askWorker).mockClear();
    fireEvent.input(input(), { target: { value: '' } });
    fireEvent.submit(input().closest('form') as HTMLFormElement);
    expect(await screen.findByRole('button', { name: /Billing/ })).toBeTruthy();
    expect(asked().filter((type) => type === 'history')).toHaveLength(1);
  });

  it('shows the context-menu lookup of the start reply, its hash in the field', async () => {
    const last = { hash: HASH, result: fresh, startedAt: NOW.toISOString(), source: 'context_menu', seen: true };
    const started = Promise.resolve({
      ok: true as const,
      lock: OPEN,
      last: last as never,
      history: [],
      watched: [],
      recent: [],
      cacheSeconds: 60,
    });
    render(<App started={started} />);
    expect(await screen.findByRole('heading', { name: 'Production backend' })).toBeTruthy();
    expect(input().value).toBe(HASH);
  });

  it('moves from the empty field to the first recent lookup with ArrowDown, and back with ArrowUp', async () => {
    history = [
      { hash: HASH, accountId: 'a', name: 'Billing', status: { text: 'Active', tone: 'ok' }, at: NOW.toISOString() },
      {
        hash: OTHER_HASH,
        accountId: 'a',
        name: null,
        status: { text: 'Disabled', tone: 'danger' },
        at: NOW.toISOString(),
      },
    ];
    render(<App />);
    const first = await screen.findByRole('button', { name: /^Look up Billing/ });
    input().focus();
    fireEvent.keyDown(input(), { key: 'ArrowDown' });
    expect(document.activeElement).toBe(first);
    fireEvent.keyDown(first, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(input());
  });
});

describe('popup with the lock on', () => {
  const LOCKED = { on: true, locked: true };
  const UNLOCKED = { on: true, locked: false };
  const startedWith = (lock: typeof LOCKED) =>
    Promise.resolve({ ok: true as const, lock, last: null, history: [], watched: [], recent: [], cacheSeconds: 60 });
  // The worker of the other tests again after each of these, which answer for themselves.
  const usual = vi.mocked(askWorker).getMockImplementation();
  afterEach(() => void (usual && vi.mocked(askWorker).mockImplementation(usual)));

  it('while locked shows only "Locked", a "Passphrase" field and "Unlock"; a wrong passphrase says so', async () => {
    const unlock = vi.fn().mockResolvedValue({ ok: false, reason: 'wrong_passphrase', message: 'Wrong passphrase.' });
    vi.mocked(askWorker).mockImplementation(async (type: string, data?: unknown) =>
      type === 'unlock'
        ? unlock(data)
        : { ok: true, lock: UNLOCKED, last: null, history: [], watched: [], recent: [], cacheSeconds: 60 },
    );
    render(<App started={startedWith(LOCKED)} />);
    expect(await screen.findByRole('heading', { name: 'Locked' })).toBeTruthy();
    expect(screen.queryByRole('textbox', { name: 'Key hash' })).toBeNull();
    const field = screen.getByLabelText('Passphrase') as HTMLInputElement;
    expect(field.type).toBe('password');
    fireEvent.input(field, { target: { value: 'not the passphrase' } });
    fireEvent.submit(field.form as HTMLFormElement);
    expect((await screen.findByRole('alert')).textContent).toBe('Wrong passphrase.');
    expect(unlock).toHaveBeenCalledWith({ passphrase: 'not the passphrase' });
    expect(field.value).toBe('');
  });

  it('unlocks with Enter, then shows the lookup field and "Lock now", which locks again', async () => {
    const calls: string[] = [];
    vi.mocked(askWorker).mockImplementation(async (type: string, _data?: unknown) => {
      calls.push(type);
      if (type === 'unlock') return { ok: true, lock: { storage: 'encrypted', locked: false } };
      if (type === 'lockNow') return { ok: true, lock: { storage: 'encrypted', locked: true } };
      return { ok: true, lock: UNLOCKED, last: null, history: [], watched: [], recent: [], cacheSeconds: 60 };
    });
    render(<App started={startedWith(LOCKED)} />);
    fireEvent.input(await screen.findByLabelText('Passphrase'), { target: { value: 'plum kettle harbour violin' } });
    fireEvent.submit(screen.getByLabelText('Passphrase').closest('form') as HTMLFormElement);
    expect(await screen.findByRole('textbox', { name: 'Key hash' })).toBeTruthy();
    // Its code is loaded once the popup knows the lock is on.
    fireEvent.click(await screen.findByRole('button', { name: 'Lock now' }));
    expect(await screen.findByRole('heading', { name: 'Locked' })).toBeTruthy();
    expect(calls).toEqual(['unlock', 'popupStart', 'lockNow']);
  });

  it('shows no "Lock now" while the lock is off', async () => {
    render(<App />);
    await screen.findByRole('textbox', { name: 'Key hash' });
    expect(screen.queryByRole('button', { name: 'Lock now' })).toBeNull();
  });
});
