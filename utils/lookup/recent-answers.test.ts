import { describe, expect, it } from 'vitest';
import { HASH as ANY_HASH, makeKey, OTHER_HASH as ANY_OTHER } from '@/test/fixtures/key';
import type { KeyHash } from '../hash-input';
import type { MergedLookup } from './account-answers';
import { RecentAnswers } from './recent-answers';

const HASH = ANY_HASH as KeyHash;
const OTHER_HASH = ANY_OTHER as KeyHash;
const NOW = new Date('2026-12-02T12:00:00Z');
const at = (secondsAgo: number) => new Date(NOW.getTime() - secondsAgo * 1000).toISOString();
const found = (secondsAgo: number): Extract<MergedLookup, { ok: true }> => ({
  ok: true,
  found: [{ key: makeKey({ name: 'Billing bot' }), fetchedAt: at(secondsAgo) }],
});

describe('RecentAnswers', () => {
  it.each<[string, number, number, boolean]>([
    ['an answer within the cache time', 60, 10, true],
    ['an answer just past it', 60, 61, false],
    ['any answer with the cache off', 0, 1, false],
    ['an answer from the future (a clock that moved back)', 60, -5, false],
  ])('shows %s at once: %s s, %s s old → %s', (_, cacheSeconds, age, shown) => {
    const recent = new RecentAnswers();
    recent.adopt([{ hash: HASH, result: found(age) }], cacheSeconds);
    expect(recent.fresh(HASH, NOW)).toEqual(shown ? { ...found(age), cached: true } : null);
  });

  it('remembers what the page was answered, forgets a key found nowhere, and keeps it through a failure', () => {
    const recent = new RecentAnswers(60);
    recent.remember(HASH, found(1));
    recent.remember(OTHER_HASH, { ...found(1), pending: [{ id: 'b', name: 'B' }] });
    expect(recent.fresh(HASH, NOW)?.found[0].key.name).toBe('Billing bot');
    expect(recent.fresh(OTHER_HASH, NOW)).toBeNull();
    recent.remember(HASH, { ok: false, error: { kind: 'timeout', seconds: 10 } });
    expect(recent.fresh(HASH, NOW)).not.toBeNull();
    recent.remember(HASH, { ok: false, error: { kind: 'not_found' } });
    expect(recent.fresh(HASH, NOW)).toBeNull();
  });

  it('is fresh only while every card in the answer is', () => {
    const recent = new RecentAnswers(60);
    const [first] = found(10).found;
    recent.remember(HASH, { ok: true, found: [first, { ...first, fetchedAt: at(90) }] });
    expect(recent.fresh(HASH, NOW)).toBeNull();
  });
});
