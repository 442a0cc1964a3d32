import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backoffDelay, clampConcurrency, MAX_BACKOFF_MS } from './pacing';
import { withoutFailures, type Answer, type Outcome, type RunItem, type RunProgress } from './outcome';
import { runLookups, type RunOptions } from './scheduler';

type Result = Outcome<string, string>;

interface Call {
  id: string;
  account: string;
  /** Milliseconds since the test's start. */
  at: number;
  aborted: boolean;
}

let T0 = 0;
const elapsed = () => Date.now() - T0;

/**
 * A fake API on the fake clock: answers each request after `latency` ms with what `answer` says
 * for that item and attempt (from 0), records every request, and counts requests in flight.
 */
function fakeApi(answer: (item: RunItem, attempt: number, at: number) => Result = (item) => done(item), latency = 100) {
  const calls: Call[] = [];
  const inFlight = new Map<string, number>();
  const maxInFlight = new Map<string, number>();
  let maxTotal = 0;
  const lookup = (item: RunItem, signal: AbortSignal) =>
    new Promise<Result>((resolve) => {
      const attempt = calls.filter((c) => c.id === item.id).length;
      const call: Call = { id: item.id, account: item.account, at: elapsed(), aborted: false };
      calls.push(call);
      const now = (inFlight.get(item.account) ?? 0) + 1;
      inFlight.set(item.account, now);
      maxInFlight.set(item.account, Math.max(maxInFlight.get(item.account) ?? 0, now));
      maxTotal = Math.max(
        maxTotal,
        [...inFlight.values()].reduce((a, b) => a + b, 0),
      );
      let ended = false;
      const end = (outcome: Result) => {
        if (ended) return;
        ended = true;
        inFlight.set(item.account, (inFlight.get(item.account) ?? 1) - 1);
        resolve(outcome);
      };
      const timer = setTimeout(() => end(answer(item, attempt, elapsed())), latency);
      signal.addEventListener('abort', () => {
        if (ended) return;
        call.aborted = true;
        clearTimeout(timer);
        end({ kind: 'failed', error: 'aborted' });
      });
    });
  return { lookup, calls, maxInFlight, maxTotal: () => maxTotal };
}

const done = (item: RunItem): Result => ({ kind: 'done', value: `key ${item.id}` });
const items = (account: string, count: number): RunItem[] =>
  Array.from({ length: count }, (_, i) => ({ id: `${account}${i + 1}`, account }));
const callTimes = (calls: Call[], id: string) => calls.filter((c) => c.id === id).map((c) => c.at);

/** Runs to the end on the fake clock. */
async function run(options: RunOptions<RunItem, string, string>) {
  const running = runLookups({ clock: { random: () => 0 }, ...options });
  await vi.runAllTimersAsync();
  return running;
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date('2026-11-26T14:05:00Z'));
  T0 = Date.now();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('clampConcurrency', () => {
  it.each<[number | undefined, number]>([
    [undefined, 4],
    [Number.NaN, 4],
    [0, 1],
    [-3, 1],
    [1, 1],
    [4, 4],
    [8, 8],
    [9, 8],
    [2.6, 3],
  ])('%s becomes %i', (value, expected) => {
    expect(clampConcurrency(value)).toBe(expected);
  });
});

describe('backoffDelay', () => {
  it.each<[number, number, number]>([
    [0, 0, 1_000],
    [1, 0, 2_000],
    [2, 0, 4_000],
    [5, 0, 32_000],
    [6, 0, MAX_BACKOFF_MS],
    [40, 0, MAX_BACKOFF_MS],
    [0, 0.5, 1_100],
    [2, 0.999, 4_799],
    [5, 0.999, 38_394],
    [5, 7, 38_400],
    [-1, 0, 1_000],
  ])('attempt %i with chance %s waits %i ms', (attempt, random, expected) => {
    expect(backoffDelay(attempt, random)).toBe(expected);
  });
});

describe('runLookups', () => {
  it.each<[number | undefined, number, number]>([
    // concurrency, most in flight at once, time for 10 items of 100 ms
    [1, 1, 1_000],
    [2, 2, 500],
    [undefined, 4, 300],
    [8, 8, 200],
    [20, 8, 200],
  ])('with concurrency %s keeps at most %i in flight and takes %i ms', async (concurrency, most, time) => {
    const api = fakeApi();
    const result = await run({ items: items('a', 10), lookup: api.lookup, concurrency });
    expect(api.maxInFlight.get('a')).toBe(most);
    expect(elapsed()).toBe(time);
    expect(result.cancelled).toBe(false);
    expect([...result.answers.values()]).toHaveLength(10);
    expect(result.answers.get('a7')).toEqual({ kind: 'done', value: 'key a7' });
  });

  it('hands `ahead` more lookups to a transport that keeps its own limit, and still asks each item once', async () => {
    const api = fakeApi();
    const result = await run({ items: items('a', 10), lookup: api.lookup, concurrency: 2, ahead: 2 });
    expect(api.maxInFlight.get('a')).toBe(4);
    expect(api.calls.map((call) => call.id).sort()).toEqual(
      items('a', 10)
        .map((item) => item.id)
        .sort(),
    );
    expect([...result.answers.values()]).toHaveLength(10);
  });

  it('counts the limit per account: two accounts run side by side', async () => {
    const api = fakeApi();
    await run({ items: [...items('a', 6), ...items('b', 6)], lookup: api.lookup, concurrency: 2 });
    expect(Object.fromEntries(api.maxInFlight)).toEqual({ a: 2, b: 2 });
    expect(api.maxTotal()).toBe(4);
    expect(elapsed()).toBe(300);
  });

  it('on a 429 with Retry-After pauses only that account, then asks for the same item again', async () => {
    const api = fakeApi((item, attempt) =>
      item.id === 'a2' && attempt === 0 ? { kind: 'rate_limited', retryAfterMs: 3_000 } : done(item),
    );
    const result = await run({ items: [...items('a', 4), ...items('b', 8)], lookup: api.lookup, concurrency: 2 });
    // a2 answered 429 at 100 ms: a3 (started then by the other free slot) is the only A request before 3,100 ms.
    expect(api.calls.filter((c) => c.account === 'a').map((c) => `${c.id}@${c.at}`)).toEqual([
      'a1@0',
      'a2@0',
      'a3@100',
      'a2@3100',
      'a4@3200',
    ]);
    // B went on meanwhile: all eight done by 400 ms.
    expect(Math.max(...api.calls.filter((c) => c.account === 'b').map((c) => c.at))).toBe(300);
    expect(result.answers.get('a2')).toEqual({ kind: 'done', value: 'key a2' });
    expect(result.answers.size).toBe(12);
  });

  it.each<[number, number[]]>([
    // chance, when a1 is asked: after each 429 (answered 100 ms after asking) 1, 2, 4 s pass
    [0, [0, 1_100, 3_200, 7_300]],
    [0.5, [0, 1_200, 3_500, 8_000]],
  ])('without Retry-After backs off 1, 2, 4 s (chance %s), then succeeds', async (chance, times) => {
    const api = fakeApi((item, attempt) => (attempt < 3 ? { kind: 'rate_limited' } : done(item)));
    const result = await run({ items: items('a', 1), lookup: api.lookup, clock: { random: () => chance } });
    expect(callTimes(api.calls, 'a1')).toEqual(times);
    expect(result.answers.get('a1')).toEqual({ kind: 'done', value: 'key a1' });
  });

  it('pauses once for a burst of 429s, then goes one at a time and climbs back when calm', async () => {
    const burst = new Set(['a1', 'a2', 'a3', 'a4']);
    const api = fakeApi((item, attempt) =>
      attempt === 0 && burst.has(item.id) ? { kind: 'rate_limited' } : done(item),
    );
    await run({ items: items('a', 1_000), lookup: api.lookup });
    // All four first requests came back 429 at 100 ms: one pause of 1 s, not 1 + 2 + 4 + 8 s,
    // and the four are asked again first, in their order.
    expect(api.calls.slice(4, 8).map((c) => `${c.id}@${c.at}`)).toEqual(['a1@1100', 'a2@1200', 'a3@1300', 'a4@1400']);
    // One at a time for 10 s after the 429, then one more in flight per calm 10 s.
    const inFlightAt = (t: number) => api.calls.filter((c) => c.at <= t && c.at + 100 > t).length;
    expect([1_150, 9_950, 10_250, 20_250, 30_250, 40_250].map(inFlightAt)).toEqual([1, 1, 2, 3, 4, 4]);
    expect(api.calls).toHaveLength(1_004);
  });

  it('on a 401 stops that account with the reason; other accounts go on', async () => {
    const api = fakeApi((item) =>
      item.account === 'a' && item.id !== 'a1'
        ? { kind: 'key_rejected', error: 'The management key was rejected' }
        : done(item),
    );
    const result = await run({ items: [...items('a', 6), ...items('b', 3)], lookup: api.lookup, concurrency: 2 });
    // a1 and a2 were in flight; a3 started when a1 answered, then a2's 401 stopped a4–a6 unasked.
    expect(api.calls.filter((c) => c.account === 'a').map((c) => c.id)).toEqual(['a1', 'a2', 'a3']);
    const failed: Answer<string, string> = { kind: 'failed', error: 'The management key was rejected' };
    expect(Object.fromEntries(result.answers)).toEqual({
      a1: { kind: 'done', value: 'key a1' },
      a2: failed,
      a3: failed,
      a4: failed,
      a5: failed,
      a6: failed,
      b1: { kind: 'done', value: 'key b1' },
      b2: { kind: 'done', value: 'key b2' },
      b3: { kind: 'done', value: 'key b3' },
    });
  });

  it('marks a transport failure failed without asking again', async () => {
    const api = fakeApi((item) => (item.id === 'a2' ? { kind: 'failed', error: 'server error 503' } : done(item)));
    const result = await run({ items: items('a', 3), lookup: api.lookup });
    expect(result.answers.get('a2')).toEqual({ kind: 'failed', error: 'server error 503' });
    expect(api.calls.map((c) => c.id)).toEqual(['a1', 'a2', 'a3']);
  });

  it('never asks again for an item that has an answer: earlier answers and repeated ids', async () => {
    const api = fakeApi();
    const earlier = new Map<string, Answer<string, string>>([
      ['a1', { kind: 'done', value: 'from before' }],
      ['a3', { kind: 'done', value: 'from before' }],
    ]);
    const list = [...items('a', 4), { id: 'a2', account: 'a' }, { id: 'a4', account: 'a' }];
    const result = await run({ items: list, lookup: api.lookup, answers: earlier });
    expect(api.calls.map((c) => c.id)).toEqual(['a2', 'a4']);
    expect(result.answers.get('a1')).toEqual({ kind: 'done', value: 'from before' });
    expect(result.answers.size).toBe(4);
  });

  it('cancel: no new item starts, those in flight are aborted, and what was found stays', async () => {
    const api = fakeApi();
    const controller = new AbortController();
    const answered: string[] = [];
    const running = runLookups({
      items: items('a', 10),
      lookup: api.lookup,
      concurrency: 2,
      signal: controller.signal,
      onAnswer: (item) => answered.push(item.id),
    });
    await vi.advanceTimersByTimeAsync(250);
    controller.abort();
    const result = await running;
    await vi.runAllTimersAsync();
    expect(result.cancelled).toBe(true);
    expect([...result.answers.keys()]).toEqual(['a1', 'a2', 'a3', 'a4']);
    expect(answered).toEqual(['a1', 'a2', 'a3', 'a4']);
    expect(api.calls.map((c) => `${c.id}${c.aborted ? ' aborted' : ''}`)).toEqual([
      'a1',
      'a2',
      'a3',
      'a4',
      'a5 aborted',
      'a6 aborted',
    ]);
  });

  it('cancel during a 429 pause ends the run at once', async () => {
    const api = fakeApi(() => ({ kind: 'rate_limited', retryAfterMs: 60_000 }));
    const controller = new AbortController();
    const running = runLookups({ items: items('a', 1), lookup: api.lookup, signal: controller.signal });
    await vi.advanceTimersByTimeAsync(5_000);
    controller.abort();
    const result = await running;
    await vi.runAllTimersAsync();
    expect(result).toEqual({ answers: new Map(), cancelled: true });
    expect(api.calls).toHaveLength(1);
  });

  it('a signal aborted before the start asks nothing', async () => {
    const api = fakeApi();
    const result = await run({ items: items('a', 3), lookup: api.lookup, signal: AbortSignal.abort() });
    expect(result).toEqual({ answers: new Map(), cancelled: true });
    expect(api.calls).toEqual([]);
  });

  it('"Retry failed" asks again only for the failed items', async () => {
    let broken = true;
    const api = fakeApi((item) =>
      broken && (item.id === 'a2' || item.id === 'b1') ? { kind: 'failed', error: 'timeout' } : done(item),
    );
    const list = [...items('a', 3), ...items('b', 2)];
    const first = await run({ items: list, lookup: api.lookup });
    expect([...first.answers.values()].filter((a) => a.kind === 'failed')).toHaveLength(2);

    broken = false;
    api.calls.length = 0;
    const second = await run({ items: list, lookup: api.lookup, answers: withoutFailures(first.answers) });
    expect(api.calls.map((c) => c.id).sort()).toEqual(['a2', 'b1']);
    expect([...second.answers.values()].every((a) => a.kind === 'done')).toBe(true);
    expect(second.answers.size).toBe(5);
  });

  it('reports progress at once and after each answer, with errors and a time-left estimate', async () => {
    const api = fakeApi((item) => (item.id === 'a2' ? { kind: 'failed', error: 'timeout' } : done(item)), 1_000);
    const reports: RunProgress[] = [];
    await run({ items: items('a', 4), lookup: api.lookup, concurrency: 1, onProgress: (p) => reports.push(p) });
    expect(reports).toEqual([
      { done: 0, errors: 0, total: 4, etaMs: null },
      { done: 1, errors: 0, total: 4, etaMs: 3_000 },
      { done: 2, errors: 1, total: 4, etaMs: 2_000 },
      { done: 3, errors: 1, total: 4, etaMs: 1_000 },
      { done: 4, errors: 1, total: 4, etaMs: 0 },
    ]);
  });

  it('counts a resumed run from where it stood, over its own items only', async () => {
    const api = fakeApi(done, 1_000);
    const earlier = new Map<string, Answer<string, string>>([
      ['a1', { kind: 'done', value: 'from before' }],
      ['a2', { kind: 'failed', error: 'timeout' }],
      ['z9', { kind: 'failed', error: 'a row of another run' }],
    ]);
    const reports: RunProgress[] = [];
    await run({
      items: items('a', 4),
      lookup: api.lookup,
      answers: earlier,
      concurrency: 1,
      onProgress: (p) => reports.push(p),
    });
    expect(reports).toEqual([
      { done: 2, errors: 1, total: 4, etaMs: null },
      { done: 3, errors: 1, total: 4, etaMs: 1_000 },
      { done: 4, errors: 1, total: 4, etaMs: 0 },
    ]);
  });

  it('finishes against a server allowing 20 requests a second with few 429s', async () => {
    let second = -1;
    let used = 0;
    let refused = 0;
    const api = fakeApi((item, _attempt, at) => {
      if (Math.floor(at / 1_000) !== second) [second, used] = [Math.floor(at / 1_000), 0];
      if (++used <= 20) return done(item);
      refused += 1;
      return { kind: 'rate_limited', retryAfterMs: 1_000 };
    }, 10);
    const result = await run({ items: items('a', 100), lookup: api.lookup });
    expect([...result.answers.values()].filter((a) => a.kind === 'done')).toHaveLength(100);
    expect(refused).toBeLessThanOrEqual(10);
    expect(elapsed()).toBeLessThanOrEqual(6_250);
  });

  it('ends the run with the error when a lookup throws, a bug in the caller', async () => {
    const api = fakeApi();
    const running = runLookups({
      items: items('a', 3),
      lookup: (item, signal) => (item.id === 'a2' ? Promise.reject(new Error('boom')) : api.lookup(item, signal)),
    });
    const settled = expect(running).rejects.toThrow('boom');
    await vi.runAllTimersAsync();
    await settled;
    expect(api.calls.every((c) => c.aborted)).toBe(true);
  });
});
