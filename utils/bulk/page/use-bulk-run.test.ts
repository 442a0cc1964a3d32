import { act, renderHook, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { makeKey, NOW } from '@/test/fixtures/key';
import type { KeyHash } from '@/utils/hash-input';
import type { LookupResult } from '@/utils/lookup/lookup-result';
import { askWorker } from '@/utils/messaging/page/worker-client';
import { useBulkRun, type RunMeta } from './use-bulk-run';

// The bulk page's run through the real scheduler, with the worker (askWorker) replaced: what each
// account answers is set per test, and every message the page sends is recorded.
vi.mock('@/utils/messaging/page/worker-client', () => ({ askWorker: vi.fn() }));

const H1 = '1'.repeat(64) as KeyHash;
const H2 = '2'.repeat(64) as KeyHash;
const PROD = { id: 'prod', name: 'Production' };
const STAGING = { id: 'staging', name: 'Staging' };
const run = (hashes: KeyHash[], accounts = [PROD]): RunMeta => ({ ranAt: NOW.toISOString(), accounts, hashes });

const foundAs = (name: string): LookupResult => ({ ok: true, key: makeKey({ name }), fetchedAt: NOW.toISOString() });
const notFound: LookupResult = { ok: false, error: { kind: 'not_found' } };
const serverError: LookupResult = { ok: false, error: { kind: 'server_error', status: 500 } };

type Ask = { hash: KeyHash; accountId: string; run: string };
/** What an account answers about a hash: a result, or a promise of one (held, or rejected). */
let answer: (ask: Ask) => LookupResult | Promise<LookupResult>;
const lookups = () =>
  vi
    .mocked(askWorker)
    .mock.calls.filter(([type]) => type === 'lookupInAccount')
    .map(([, ask]) => ask as Ask);
const cancels = () =>
  vi
    .mocked(askWorker)
    .mock.calls.filter(([type]) => type === 'cancelBulkRun')
    .map(([, data]) => data);

beforeEach(() => {
  sessionStorage.clear();
  vi.mocked(askWorker).mockReset();
  vi.mocked(askWorker).mockImplementation((async (type: string, data?: unknown) => {
    if (type === 'lookupInAccount') return { ok: true, result: await answer(data as Ask) };
    return { ok: true };
  }) as typeof askWorker);
});

/** A reply held until the test settles it. */
function held() {
  let settle: { resolve: (r: LookupResult) => void; reject: (e: Error) => void } = {
    resolve: () => {},
    reject: () => {},
  };
  const promise = new Promise<LookupResult>((resolve, reject) => (settle = { resolve, reject }));
  return { promise, ...settle };
}

describe('useBulkRun', () => {
  it('asks every account about every hash and gives one row per hash, named by the account that has it', async () => {
    answer = ({ hash, accountId }) =>
      hash === H1 && accountId === STAGING.id ? foundAs('Billing exporter') : notFound;
    const { result } = renderHook(() => useBulkRun(2));
    await act(() => result.current.start(run([H1, H2], [PROD, STAGING])));
    expect(
      lookups()
        .map((ask) => `${ask.accountId} ${ask.hash[0]}`)
        .sort(),
    ).toEqual(['prod 1', 'prod 2', 'staging 1', 'staging 2']);
    expect(new Set(lookups().map((ask) => ask.run)).size).toBe(1);
    expect(result.current.rows).toEqual([
      {
        hash: H1,
        account: 'Staging',
        result: {
          kind: 'found',
          key: expect.objectContaining({ name: 'Billing exporter' }),
          fetchedAt: NOW.toISOString(),
        },
      },
      { hash: H2, account: null, result: { kind: 'not_found' } },
    ]);
    expect(result.current).toMatchObject({
      running: false,
      stopped: null,
      // Two hashes asked in two accounts: the progress counts the hashes.
      progress: { done: 2, errors: 0, total: 2 },
    });
  });

  it('says the run stopped early when a lookup throws, and keeps what was found', async () => {
    const second = held();
    answer = ({ hash }) => (hash === H1 ? foundAs('Found first') : second.promise);
    const { result } = renderHook(() => useBulkRun(1));
    let started: Promise<void> = Promise.resolve();
    await act(() => {
      started = result.current.start(run([H1, H2]));
    });
    await waitFor(() => expect(lookups()).toHaveLength(2));
    expect(result.current.running).toBe(true);
    await act(async () => {
      second.reject(new Error('a fault of ours'));
      await started;
    });
    expect(result.current.stopped).toBe(
      'The run stopped early because of an error in the extension. What was found is kept.',
    );
    expect(result.current.running).toBe(false);
    expect(result.current.rows.map((row) => row.result.kind)).toEqual(['found', 'pending']);
  });

  it('clears what stopped the last run when a new one starts', async () => {
    answer = () => Promise.reject(new Error('a fault of ours'));
    const { result } = renderHook(() => useBulkRun(1));
    await act(() => result.current.start(run([H1])));
    expect(result.current.stopped).not.toBeNull();
    answer = () => foundAs('Found now');
    await act(() => result.current.start(run([H1])));
    expect(result.current.stopped).toBeNull();
    expect(result.current.rows[0]?.result.kind).toBe('found');
  });

  it('on Cancel, tells the worker to send nothing more of the run, and keeps what was found', async () => {
    const second = held();
    answer = ({ hash }) => (hash === H1 ? foundAs('Found first') : second.promise);
    const { result } = renderHook(() => useBulkRun(1));
    let started: Promise<void> = Promise.resolve();
    await act(() => {
      started = result.current.start(run([H1, H2]));
    });
    await waitFor(() => expect(lookups()).toHaveLength(2));
    await act(async () => {
      result.current.cancel();
      await started;
    });
    expect(cancels()).toEqual([{ run: lookups()[0]?.run }]);
    expect(result.current).toMatchObject({ running: false, stopped: null });
    expect(result.current.rows.map((row) => row.result.kind)).toEqual(['found', 'pending']);
  });

  it('leaving the page cancels the run in the worker', async () => {
    answer = () => held().promise;
    const { result, unmount } = renderHook(() => useBulkRun(1));
    await act(() => {
      void result.current.start(run([H1]));
    });
    await waitFor(() => expect(lookups()).toHaveLength(1));
    unmount();
    expect(cancels()).toEqual([{ run: lookups()[0]?.run }]);
  });

  it('"Retry failed" asks only the failed rows again, keeping the answers it had', async () => {
    answer = ({ hash }) => (hash === H1 ? foundAs('Found first') : serverError);
    const { result } = renderHook(() => useBulkRun(1));
    await act(() => result.current.start(run([H1, H2])));
    expect(result.current.progress).toMatchObject({ done: 2, errors: 1 });
    answer = () => foundAs('Found on retry');
    await act(() => result.current.start(run([H1, H2]), true));
    expect(lookups().map((ask) => ask.hash)).toEqual([H1, H2, H2]);
    expect(result.current.rows.map((row) => row.result.kind === 'found' && row.result.key.name)).toEqual([
      'Found first',
      'Found on retry',
    ]);
  });

  it('after a reload of the tab, shows the last run and its answers without asking again', async () => {
    answer = ({ hash }) => (hash === H1 ? foundAs('Kept through a reload') : notFound);
    const first = renderHook(() => useBulkRun(1));
    await act(() => first.result.current.start(run([H1, H2])));
    first.unmount();
    vi.mocked(askWorker).mockClear();
    const { result } = renderHook(() => useBulkRun(1));
    expect(result.current.meta).toEqual(run([H1, H2]));
    expect(
      result.current.rows.map((row) => (row.result.kind === 'found' ? row.result.key.name : row.result.kind)),
    ).toEqual(['Kept through a reload', 'not_found']);
    expect(lookups()).toEqual([]);
  });
});
