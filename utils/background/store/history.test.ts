import { describe, expect, it } from 'vitest';
import { makeKey } from '@/test/fixtures/key';
import { MAX_HISTORY, addToHistory, summaryStatus } from './history';

const NOW = new Date('2026-11-26T19:00:00Z');
const hash = (n: number) => n.toString(16).padStart(64, '0');

describe('history', () => {
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

  it('keeps hash, name, status and time, and no usage figure', () => {
    const [entry] = addToHistory([], hash(1), makeKey({ usage: 123.45, byok_usage: 6.78 }), NOW);
    expect(entry).toEqual({
      hash: hash(1),
      name: 'Production backend',
      status: { text: 'Active', tone: 'ok' },
      at: NOW.toISOString(),
    });
    expect(JSON.stringify(entry)).not.toMatch(/123\.45|6\.78|usage|limit/);
  });

  it('moves a repeated hash to the top instead of listing it twice', () => {
    let history = addToHistory([], hash(1), makeKey({ name: 'one' }), NOW);
    history = addToHistory(history, hash(2), makeKey({ name: 'two' }), NOW);
    history = addToHistory(history, hash(1), makeKey({ name: 'one again' }), NOW);
    expect(history.map((e) => e.name)).toEqual(['one again', 'two']);
  });

  it(`keeps only the newest ${MAX_HISTORY}`, () => {
    let history = addToHistory([], hash(0), makeKey(), NOW);
    for (let i = 1; i <= 25; i++) history = addToHistory(history, hash(i), makeKey(), NOW);
    expect(history).toHaveLength(MAX_HISTORY);
    expect(history[0]?.hash).toBe(hash(25));
    expect(history.at(-1)?.hash).toBe(hash(6));
  });
});
