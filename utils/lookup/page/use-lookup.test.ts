import { act, renderHook, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HASH, makeKey, NOW, OTHER_HASH } from '@/test/fixtures/key';
import type { KeyHash } from '@/utils/hash-input';
import type { MergedLookup } from '@/utils/lookup/account-answers';
import { askWorker } from '@/utils/messaging/page/worker-client';
import { LOADING_DELAY_MS, useLookup, type StartReply } from './use-lookup';

// The popup's (and the card page's) lookups, with the worker (askWorker) replaced: each test says
// what `lookup` and `completeLookup` answer, and may hold an answer to settle it later.
vi.mock('@/utils/messaging/page/worker-client', () => ({ askWorker: vi.fn() }));

const found = (name: string, extra: Partial<Extract<MergedLookup, { ok: true }>> = {}): MergedLookup => ({
  ok: true,
  found: [{ key: makeKey({ name }), fetchedAt: NOW.toISOString() }],
  ...extra,
});
const unreachable: MergedLookup = { ok: false, error: { kind: 'network', origin: 'https://modelgates.ai' } };

let lookup: ReturnType<typeof vi.fn<(request: { hash: KeyHash; allowCached: boolean }) => Promise<MergedLookup>>>;
let complete: ReturnType<typeof vi.fn<(request: { hash: KeyHash }) => Promise<MergedLookup>>>;

beforeEach(() => {
  lookup = vi.fn();
  complete = vi.fn();
  vi.mocked(askWorker).mockReset();
  vi.mocked(askWorker).mockImplementation((async (type: string, data?: unknown) => {
    if (type === 'lookup') return lookup(data as { hash: KeyHash; allowCached: boolean });
    if (type === 'completeLookup') return complete(data as { hash: KeyHash });
    throw new Error(`unexpected message ${type}`);
  }) as typeof askWorker);
  vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
});
afterEach(() => vi.useRealTimers());

/** An answer held until the test gives it. */
function held() {
  let give: (answer: MergedLookup) => void = () => {};
  const promise = new Promise<MergedLookup>((resolve) => (give = resolve));
  return { promise, give };
}

const nameShown = (view: ReturnType<typeof useLookup>['view']) =>
  view.kind === 'result' && view.result.ok ? view.result.found[0].key.name : null;

/**
 * A fresh hook looking HASH up, its answer held: the view before the lookup, the hook's result,
 * and `give`, which answers and waits for the lookup to end.
 */
async function lookingUp(onSettled: () => void = () => {}) {
  const answer = held();
  lookup.mockReturnValueOnce(answer.promise);
  const { result } = renderHook(() => useLookup(onSettled));
  const before = result.current.view;
  let looking: Promise<void> = Promise.resolve();
  await act(() => {
    looking = result.current.lookUp(HASH as KeyHash);
  });
  const give = (reply: MergedLookup) =>
    act(async () => {
      answer.give(reply);
      await looking;
    });
  return { before, result, give };
}

describe('useLookup', () => {
  it('keeps the page as it is while a quick answer comes, then shows it and says it has landed', async () => {
    const settled = vi.fn();
    const { before, result, give } = await lookingUp(settled);
    expect(before).toEqual({ kind: 'idle' });
    expect(result.current.view).toEqual({ kind: 'idle' });
    expect(lookup).toHaveBeenCalledWith({ hash: HASH, allowCached: true });
    await give(found('Production backend'));
    expect(nameShown(result.current.view)).toBe('Production backend');
    expect(settled).toHaveBeenCalledTimes(1);
  });

  it('says it is looking once the answer has taken LOADING_DELAY_MS, and not before', async () => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    const { result, give } = await lookingUp();
    await act(() => void vi.advanceTimersByTime(LOADING_DELAY_MS - 1));
    expect(result.current.view).toEqual({ kind: 'idle' });
    await act(() => void vi.advanceTimersByTime(1));
    expect(result.current.view).toEqual({ kind: 'loading' });
    await give(found('Production backend'));
    expect(nameShown(result.current.view)).toBe('Production backend');
  });

  it('says nothing of a lookup that a newer one replaced, however long it takes', async () => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    lookup.mockReturnValueOnce(held().promise);
    const { result } = renderHook(() => useLookup(() => {}));
    await act(() => {
      void result.current.lookUp(HASH as KeyHash);
    });
    await act(() => result.current.show({ kind: 'input_error', message: 'Not a key hash' }));
    await act(() => void vi.advanceTimersByTime(LOADING_DELAY_MS * 2));
    expect(result.current.view).toEqual({ kind: 'input_error', message: 'Not a key hash' });
  });

  it('draws a new card for each lookup, and updates it in place on a refresh', async () => {
    lookup.mockResolvedValue(found('Production backend'));
    const { result } = renderHook(() => useLookup(() => {}));
    const cardShown = () => (result.current.view.kind === 'result' ? result.current.view.card : null);
    await act(() => result.current.lookUp(HASH as KeyHash));
    const first = cardShown();
    const shown = result.current.view.kind === 'result' ? result.current.view.result : found('none');
    await act(() => result.current.refresh(HASH as KeyHash, shown));
    expect(cardShown()).toBe(first);
    await act(() => result.current.lookUp(HASH as KeyHash));
    expect(cardShown()).not.toBe(first);
    expect(first).not.toBeNull();
  });

  it('counts the card’s age from the answer, not from the question', async () => {
    const { result, give } = await lookingUp();
    vi.setSystemTime(NOW.getTime() + 7_000);
    await give(found('Production backend'));
    expect(result.current.now.getTime()).toBe(NOW.getTime() + 7_000);
  });

  it('shows a cached card at once while it asks for a fresh one, then the fresh one', async () => {
    const fresh = held();
    lookup.mockResolvedValueOnce(found('Cached name', { cached: true })).mockReturnValueOnce(fresh.promise);
    const { result } = renderHook(() => useLookup(() => {}));
    let looking: Promise<void> = Promise.resolve();
    await act(() => {
      looking = result.current.lookUp(HASH as KeyHash);
    });
    await waitFor(() => expect(result.current.view).toMatchObject({ kind: 'result', refreshing: true }));
    expect(nameShown(result.current.view)).toBe('Cached name');
    expect(lookup).toHaveBeenLastCalledWith({ hash: HASH, allowCached: false });
    await act(async () => {
      fresh.give(found('Fresh name'));
      await looking;
    });
    expect(nameShown(result.current.view)).toBe('Fresh name');
    expect(result.current.view).not.toHaveProperty('refreshing', true);
  });

  it('keeps the cached card when the fresh answer fails, and says why', async () => {
    lookup.mockResolvedValueOnce(found('Cached name', { cached: true })).mockResolvedValueOnce(unreachable);
    const { result } = renderHook(() => useLookup(() => {}));
    await act(() => result.current.lookUp(HASH as KeyHash));
    expect(nameShown(result.current.view)).toBe('Cached name');
    // The error itself: the card says it in words (CardToolbar).
    expect(result.current.view).toMatchObject({ refreshError: unreachable.error });
  });

  it('shows a failure as the answer when there was no card to keep', async () => {
    lookup.mockResolvedValueOnce(unreachable);
    const { result } = renderHook(() => useLookup(() => {}));
    await act(() => result.current.lookUp(HASH as KeyHash));
    expect(result.current.view).toEqual({ kind: 'result', hash: HASH, result: unreachable, card: expect.any(Number) });
  });

  it('lets only the newest lookup paint: an older answer that comes last is dropped', async () => {
    const older = held();
    lookup.mockReturnValueOnce(older.promise).mockResolvedValueOnce(found('Newer key'));
    const { result } = renderHook(() => useLookup(() => {}));
    let first: Promise<void> = Promise.resolve();
    await act(() => {
      first = result.current.lookUp(HASH as KeyHash);
    });
    await act(() => result.current.lookUp(OTHER_HASH as KeyHash));
    await act(async () => {
      older.give(found('Older key'));
      await first;
    });
    expect(nameShown(result.current.view)).toBe('Newer key');
    expect(result.current.view).toMatchObject({ hash: OTHER_HASH });
  });

  it('drops a lookup in flight when something else is shown', async () => {
    const answer = held();
    lookup.mockReturnValueOnce(answer.promise);
    const { result } = renderHook(() => useLookup(() => {}));
    let looking: Promise<void> = Promise.resolve();
    await act(() => {
      looking = result.current.lookUp(HASH as KeyHash);
    });
    await act(() => result.current.show({ kind: 'input_error', message: 'Enter or paste a key hash.' }));
    await act(async () => {
      answer.give(found('Too late'));
      await looking;
    });
    expect(result.current.view).toEqual({ kind: 'input_error', message: 'Enter or paste a key hash.' });
  });

  it('asks the accounts still pending for their answer, and shows every account’s', async () => {
    const staging = { id: 'staging', name: 'Staging' };
    lookup.mockResolvedValueOnce(found('In production', { pending: [staging] }));
    complete.mockResolvedValueOnce({
      ok: true,
      found: [
        { key: makeKey({ name: 'In production' }), fetchedAt: NOW.toISOString() },
        { key: makeKey({ name: 'In staging' }), fetchedAt: NOW.toISOString(), account: staging },
      ],
    });
    const { result } = renderHook(() => useLookup(() => {}));
    await act(() => result.current.lookUp(HASH as KeyHash));
    expect(complete).toHaveBeenCalledWith({ hash: HASH });
    const { view } = result.current;
    expect(view.kind === 'result' && view.result.ok && view.result.found.map((f) => f.key.name)).toEqual([
      'In production',
      'In staging',
    ]);
  });

  describe('start', () => {
    const reply = (last: Extract<StartReply, { ok: true }>['last']): StartReply => ({
      ok: true,
      lock: { on: false, locked: false },
      last,
      history: [],
      watched: [],
      recent: [],
      cacheSeconds: 60,
    });

    it('shows the right-click lookup the popup opened for, and its hash', async () => {
      const onStart = vi.fn();
      const onHash = vi.fn();
      const { result } = renderHook(() => useLookup(() => {}));
      const started = reply({ hash: HASH as KeyHash, result: found('From the menu') });
      await act(() => result.current.start(Promise.resolve(started), onStart, onHash));
      expect(onStart).toHaveBeenCalledWith(started);
      expect(onHash).toHaveBeenCalledWith(HASH);
      expect(nameShown(result.current.view)).toBe('From the menu');
    });

    it('asks which hash when the selection held several', async () => {
      const { result } = renderHook(() => useLookup(() => {}));
      const started = reply({ hash: null, choices: [HASH as KeyHash, OTHER_HASH as KeyHash], result: null });
      await act(() =>
        result.current.start(
          Promise.resolve(started),
          () => {},
          () => {},
        ),
      );
      expect(result.current.view).toEqual({ kind: 'choice', hashes: [HASH, OTHER_HASH] });
    });

    it('says a right-click lookup was interrupted when the worker stopped before answering', async () => {
      const { result } = renderHook(() => useLookup(() => {}));
      await act(() =>
        result.current.start(
          Promise.resolve(reply({ hash: HASH as KeyHash, result: null })),
          () => {},
          () => {},
        ),
      );
      expect(result.current.view).toMatchObject({
        kind: 'result',
        result: { ok: false, error: { kind: 'interrupted' } },
      });
    });

    it('leaves what the user began meanwhile in place', async () => {
      let answer: (reply: StartReply) => void = () => {};
      const starting = new Promise<StartReply>((resolve) => (answer = resolve));
      lookup.mockResolvedValueOnce(found('Typed by the user'));
      const onHash = vi.fn();
      const { result } = renderHook(() => useLookup(() => {}));
      let started: Promise<void> = Promise.resolve();
      await act(() => {
        started = result.current.start(starting, () => {}, onHash);
      });
      await act(() => result.current.lookUp(OTHER_HASH as KeyHash));
      await act(async () => {
        answer(reply({ hash: HASH as KeyHash, result: found('From the menu') }));
        await started;
      });
      expect(nameShown(result.current.view)).toBe('Typed by the user');
      expect(onHash).not.toHaveBeenCalled();
    });
  });
});
