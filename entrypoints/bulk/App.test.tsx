import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HASH, makeKey, NOW, OTHER_HASH } from '@/test/fixtures/key';
import type { AccountAnswer } from '@/utils/bulk/answers';
import type { KeyHash } from '@/utils/hash-input';
import type { AccountRef } from '@/utils/lookup/lookup-error';
import { askWorker, type WorkerReply } from '@/utils/messaging/page/worker-client';
import { App } from './App';
import { RunSaver } from '@/utils/bulk/page/saved-run';

vi.mock('@/utils/messaging/page/worker-client', () => ({ askWorker: vi.fn() }));
/** How the worker answers `watch`: yes, unless a test says otherwise. */
const watch = vi.fn<(request: unknown) => Promise<WorkerReply<'watch'>>>();
let accounts: AccountRef[] = [];
/** Whether the worker says the keys are locked. */
let locked = false;
vi.mocked(askWorker).mockImplementation(async (type: string, data?: unknown) => {
  if (type === 'watch') return watch(data);
  if (type === 'lookupInAccount') return lookupInAccount(data as { hash: KeyHash; accountId: string });
  if (type === 'cancelBulkRun') return { ok: true };
  if (type === 'lockStatus')
    return { ok: true, lock: { storage: locked ? 'encrypted' : 'plain', locked } } as WorkerReply<'lockStatus'>;
  // The page reads only the accounts and the concurrency.
  if (type === 'getSettings')
    return { ok: true, settings: { accounts, bulkConcurrency: 4 } } as WorkerReply<'getSettings'>;
  throw new Error(`unexpected message ${type}`);
});
const watched = () => watch.mock.calls.map(([request]) => request);
/** How the worker answers the page's per-account lookups during a live run. */
const lookupInAccount =
  vi.fn<(request: { hash: KeyHash; accountId: string }) => Promise<WorkerReply<'lookupInAccount'>>>();

const DISABLED = 'd15ab1ed'.repeat(8) as KeyHash;
const UNKNOWN = 'b08aac59'.repeat(8) as KeyHash;
const FAILED = 'fa11ed00'.repeat(8) as KeyHash;
const MAIN = { id: 'main', name: 'Main' };
const SECOND = { id: 'second', name: 'Second' };

const found = (name: string, disabled = false): AccountAnswer => ({
  kind: 'done',
  value: { ok: true, key: makeKey({ name, disabled }), fetchedAt: NOW.toISOString() },
});
const notFound: AccountAnswer = { kind: 'done', value: { ok: false, error: { kind: 'not_found' } } };

/** A finished run in the tab's session storage, as a reload finds it: three keys found, one
 * hash no account has, one that failed. With `split`, the third key is in a second account. */
function savedRun(split = false) {
  const runAccounts = split ? [MAIN, SECOND] : [MAIN];
  accounts = runAccounts;
  const answers: [string, AccountAnswer][] = [
    [`main/${HASH}`, found('Production backend')],
    [`main/${DISABLED}`, found('Old staging key', true)],
    [`main/${UNKNOWN}`, notFound],
    [`main/${FAILED}`, { kind: 'failed', error: { kind: 'timeout', seconds: 10 } }],
    [`main/${OTHER_HASH}`, split ? notFound : found('Nightly eval runner')],
  ];
  if (split) {
    answers.push([`second/${OTHER_HASH}`, found('Nightly eval runner')]);
    for (const hash of [HASH, DISABLED, UNKNOWN, FAILED]) answers.push([`second/${hash}`, notFound]);
  }
  const hashes = [HASH, DISABLED, UNKNOWN, FAILED, OTHER_HASH] as KeyHash[];
  new RunSaver({ ranAt: NOW.toISOString(), accounts: runAccounts, hashes }, answers);
}

const box = (name: string) => screen.getByRole('checkbox', { name }) as HTMLInputElement;
const ticked = () =>
  screen
    .getAllByRole('checkbox')
    .filter((b) => (b as HTMLInputElement).checked)
    .map((b) => b.getAttribute('aria-label'));
const watchButton = () => screen.getByRole('button', { name: /^Watch selected/ }) as HTMLButtonElement;
const status = () => watchButton().parentElement?.querySelector('[role="status"]')?.textContent;

beforeEach(() => {
  watch.mockReset().mockResolvedValue({ ok: true, watching: true, samples: 0 });
  locked = false;
  savedRun();
});
afterEach(() => sessionStorage.clear());

describe('the bulk page while the keys are locked', () => {
  it('says "Unlock to look up", offers the passphrase field, and looks nothing up', async () => {
    locked = true;
    accounts = [MAIN];
    render(<App />);
    expect(await screen.findByRole('heading', { name: 'Locked' })).toBeTruthy();
    expect(screen.getByText('Unlock to look up.')).toBeTruthy();
    expect(screen.getByLabelText('Passphrase')).toBeTruthy();
    fireEvent.input(screen.getByRole('textbox', { name: /hash/i }), { target: { value: HASH } });
    expect((screen.getByRole('button', { name: /^Look up/ }) as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('the bulk page’s rows', () => {
  it('link a found key’s name to its card, in a new tab; other rows have no link', async () => {
    render(<App />);
    const link = await screen.findByRole('link', { name: 'Production backend' });
    expect(link.getAttribute('href')).toBe(`/card.html#${HASH}`);
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener');
    expect(screen.getAllByRole('link').map((a) => a.getAttribute('href'))).toEqual(
      [HASH, DISABLED, OTHER_HASH].map((hash) => `/card.html#${hash}`),
    );
    // The short hash keeps its copy button.
    expect(screen.getByRole('button', { name: `Copy hash ${HASH.slice(0, 8)}…${HASH.slice(-6)}` })).toBeTruthy();
  });

  it('can be selected when their key was found; a hash not found or failed cannot be', async () => {
    render(<App />);
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Select Production backend' }));
    expect(ticked()).toEqual(['Select Production backend']);
    expect(watchButton().textContent).toBe('Watch selected (1)');
    expect(box(`Select ${UNKNOWN.slice(0, 8)}…${UNKNOWN.slice(-6)}`).disabled).toBe(true);
    expect(box(`Select ${FAILED.slice(0, 8)}…${FAILED.slice(-6)}`).disabled).toBe(true);
    fireEvent.click(box('Select Production backend'));
    expect(ticked()).toEqual([]);
    expect(watchButton().disabled).toBe(true);
  });

  it('"Select all shown" ticks the found rows the filter shows; the selection survives filters and sorting', async () => {
    render(<App />);
    fireEvent.click(await screen.findByRole('button', { name: 'Disabled 1' }));
    fireEvent.click(box('Select all shown'));
    expect(ticked()).toEqual(['Select all shown', 'Select Old staging key']);
    fireEvent.click(screen.getByRole('button', { name: 'Not found 1' }));
    expect(box('Select all shown').disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'All 5' }));
    expect(ticked()).toEqual(['Select Old staging key']);
    expect(box('Select all shown').indeterminate).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Name' }));
    expect(ticked()).toEqual(['Select Old staging key']);
    fireEvent.click(box('Select all shown'));
    expect(ticked()).toEqual([
      'Select all shown',
      'Select Nightly eval runner',
      'Select Old staging key',
      'Select Production backend',
    ]);
    expect(watchButton().textContent).toBe('Watch selected (3)');
    fireEvent.click(box('Select all shown'));
    expect(ticked()).toEqual([]);
  });

  it('"Watch selected" watches exactly the selected found keys, in their accounts, and says so', async () => {
    render(<App />);
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Select Nightly eval runner' }));
    fireEvent.click(box('Select Production backend'));
    fireEvent.click(watchButton());
    await waitFor(() => expect(status()).toBe('Watching 2 keys.'));
    expect(watched()).toEqual([
      { hash: HASH, accountId: 'main' },
      { hash: OTHER_HASH, accountId: 'main' },
    ]);
  });

  it('names the account that holds each key when the run asked several', async () => {
    savedRun(true);
    render(<App />);
    const table = await screen.findByRole('table');
    fireEvent.click(within(table).getByRole('checkbox', { name: 'Select all shown' }));
    fireEvent.click(watchButton());
    await waitFor(() => expect(status()).toBe('Watching 3 keys.'));
    expect(watched()).toEqual([
      { hash: HASH, accountId: 'main' },
      { hash: DISABLED, accountId: 'main' },
      { hash: OTHER_HASH, accountId: 'second' },
    ]);
  });

  it('stops at the worker’s refusal, and says how many were not watched and why', async () => {
    const limit = 'You are watching 200 keys, the most there can be. Stop watching one first.';
    watch
      .mockResolvedValueOnce({ ok: true, watching: true, samples: 0 })
      .mockResolvedValue({ ok: false, message: limit });
    render(<App />);
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Select all shown' }));
    fireEvent.click(watchButton());
    await waitFor(() => expect(status()).toBe(`Watching 1 key. 2 keys not watched: ${limit}`));
    expect(watch).toHaveBeenCalledTimes(2);
  });

  it('counts a live run by hash, not by hash and account, and says how many accounts were asked', async () => {
    sessionStorage.clear();
    accounts = [MAIN, SECOND];
    // Every hash is in no account: each is done once both accounts have said so.
    lookupInAccount.mockResolvedValue({ ok: true, result: { ok: false, error: { kind: 'not_found' } } });
    render(<App />);
    fireEvent.input(screen.getByRole('textbox'), { target: { value: `${HASH}\n${OTHER_HASH}\n${DISABLED}` } });
    await waitFor(() => expect(screen.getByRole('button', { name: 'Look up all' })).toHaveProperty('disabled', false));
    fireEvent.click(screen.getByRole('button', { name: 'Look up all' }));
    await waitFor(() => expect(screen.getByText(/^3 hashes in 2 accounts/)).toBeTruthy());
    expect(lookupInAccount).toHaveBeenCalledTimes(6);
    expect(screen.getByRole('progressbar').getAttribute('aria-valuemax')).toBe('3');
    await waitFor(() => expect(screen.getByRole('progressbar').parentElement?.textContent).toBe('3 of 3'));
  });
});
