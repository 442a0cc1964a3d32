import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { makeKey } from '@/test/fixtures/key';
import { MAX_HISTORY, addToHistory, clearHistory, readHistory, recordInHistory, summaryStatus } from './history';

const NOW = new Date('2026-11-26T19:00:00Z');
const hash = (n: number) => n.toString(16).padStart(64, '0');
const found = (n: number, name = 'Production backend', accountId = 'prod') => ({
  accountId,
  hash: hash(n),
  key: makeKey({ name }),
});

describe('history', () => {
  beforeEach(() => fakeBrowser.reset());

  it.each([
    ['an active key', makeKey(), { text: 'Active', tone: 'ok' }],
    ['a disabled key', makeKey({ disabled: true }), { text: 'Disabled', tone: 'danger' }],
    ['a key at its limit', makeKey({ limit: 10, limit_remaining: 0 }), { text: 'Limit reached', tone: 'danger' }],
    [
      'a key expiring in 2 days',
      makeKey({ expires_at: '2026-11-28T19:00:00Z' }),
      { text: 'Expires in 2 days', tone: 'warning' },
    ],
  ])('sums up %s in one badge', (_, key, status) => {
    expect(summaryStatus(key, NOW)).toEqual(status);
  });

  it('keeps hash, account, name, status and time, and no usage figure', () => {
    const key = makeKey({ usage: 123.45, byok_usage: 6.78 });
    const [entry] = addToHistory([], { accountId: 'prod', hash: hash(1), key }, NOW);
    expect(entry).toEqual({
      hash: hash(1),
      accountId: 'prod',
      name: 'Production backend',
      status: { text: 'Active', tone: 'ok' },
      at: NOW.toISOString(),
    });
    expect(JSON.stringify(entry)).not.toMatch(/123\.45|6\.78|usage|limit/);
  });

  it('moves a repeated hash to the top instead of listing it twice', () => {
    let history = addToHistory([], found(1, 'one'), NOW);
    history = addToHistory(history, found(2, 'two'), NOW);
    history = addToHistory(history, found(1, 'one again'), NOW);
    expect(history.map((e) => e.name)).toEqual(['one again', 'two']);
  });

  it('keeps the same hash once per account it was found in', () => {
    let history = addToHistory([], found(1, 'in production', 'prod'), NOW);
    history = addToHistory(history, found(1, 'in staging', 'stage'), NOW);
    expect(history.map((e) => `${e.accountId} ${e.name}`)).toEqual(['stage in staging', 'prod in production']);
  });

  it(`keeps only the newest ${MAX_HISTORY}`, () => {
    let history = addToHistory([], found(0), NOW);
    for (let i = 1; i <= 25; i++) history = addToHistory(history, found(i), NOW);
    expect(history).toHaveLength(MAX_HISTORY);
    expect(history[0]?.hash).toBe(hash(25));
    expect(history.at(-1)?.hash).toBe(hash(6));
  });

  it('forgets the entries of removed accounts, or everything', async () => {
    await recordInHistory(found(1, 'in production', 'prod'), NOW);
    await recordInHistory(found(2, 'in staging', 'stage'), NOW);
    await clearHistory(['stage']);
    expect((await readHistory()).map((e) => e.name)).toEqual(['in production']);
    await clearHistory();
    expect(await readHistory()).toEqual([]);
  });
});
