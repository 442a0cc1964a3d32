import { describe, expect, it } from 'vitest';
import { HASH, NOW, OTHER_HASH, makeKey } from '@/test/fixtures/key';
import type { KeyHash } from '../hash-input';
import type { FoundKey, MergedLookup } from '../lookup/account-answers';
import { MAX_STACK_CARDS, placeOnTop, setCollapsed, type StackCard, updateInPlace, withoutAccount } from './stack';

const A = HASH as KeyHash;
const B = OTHER_HASH as KeyHash;
const C = 'c'.repeat(64) as KeyHash;
const found = (name: string, account?: { id: string; name: string }): FoundKey => ({
  key: makeKey({ name }),
  fetchedAt: NOW.toISOString(),
  ...(account ? { account } : {}),
});
const answer = (...keys: FoundKey[]): MergedLookup => ({ ok: true, found: keys as [FoundKey, ...FoundKey[]] });
const notFound: MergedLookup = { ok: false, error: { kind: 'not_found' } };
const names = (cards: StackCard[]) => cards.map((card) => card.found.map((f) => f.key.name).join('+'));

describe('the side panel stack', () => {
  it('puts each key found on top, newest first, opened', () => {
    let cards = placeOnTop([], A, answer(found('First')), NOW);
    cards = placeOnTop(cards, B, answer(found('Second')), NOW);
    expect(names(cards)).toEqual(['Second', 'First']);
    expect(cards.map((card) => card.collapsed)).toEqual([false, false]);
    expect(cards[0]).toMatchObject({ hash: B, at: NOW.toISOString() });
  });

  it('moves a repeated key to the top instead of listing it twice, with its new answer, opened again', () => {
    let cards = [A, B, C].reduce<StackCard[]>((all, hash, i) => placeOnTop(all, hash, answer(found(`K${i}`)), NOW), []);
    cards = setCollapsed(cards, A, true);
    cards = placeOnTop(cards, A, answer(found('K0 renamed')), NOW);
    expect(names(cards)).toEqual(['K0 renamed', 'K2', 'K1']);
    expect(cards[0]?.collapsed).toBe(false);
  });

  it('leaves the stack as it is for an answer that found nothing', () => {
    const cards = placeOnTop([], A, answer(found('First')), NOW);
    expect(placeOnTop(cards, B, notFound, NOW)).toEqual(cards);
    expect(placeOnTop(cards, A, notFound, NOW)).toEqual(cards);
  });

  it(`keeps the newest ${MAX_STACK_CARDS} keys`, () => {
    const hashes = Array.from({ length: MAX_STACK_CARDS + 2 }, (_, i) => i.toString(16).padStart(64, '0') as KeyHash);
    const cards = hashes.reduce<StackCard[]>((all, hash, i) => placeOnTop(all, hash, answer(found(`K${i}`)), NOW), []);
    expect(cards).toHaveLength(MAX_STACK_CARDS);
    expect(cards[0]?.hash).toBe(hashes.at(-1));
    expect(cards.map((card) => card.hash)).not.toContain(hashes[1]);
  });

  it('takes a complete answer where the card is, keeping its place and its collapsed line', () => {
    const production = { id: 'prod', name: 'Production' };
    const staging = { id: 'stage', name: 'Staging' };
    let cards = placeOnTop([], A, answer(found('Shared', production)), NOW);
    cards = setCollapsed(placeOnTop(cards, B, answer(found('Other')), NOW), A, true);
    const after = updateInPlace(cards, A, answer(found('Shared', production), found('Shared', staging)));
    expect(after.map((card) => card.hash)).toEqual([B, A]);
    expect(after[1]).toMatchObject({ collapsed: true, found: [{ account: production }, { account: staging }] });
    expect(updateInPlace([], A, answer(found('Gone')))).toEqual([]);
    expect(updateInPlace(cards, A, notFound)).toEqual(cards);
  });

  it('collapses one card to a line and opens it again', () => {
    const cards = placeOnTop(placeOnTop([], A, answer(found('A')), NOW), B, answer(found('B')), NOW);
    const collapsed = setCollapsed(cards, A, true);
    expect(collapsed.map((card) => card.collapsed)).toEqual([false, true]);
    expect(setCollapsed(collapsed, A, false)).toEqual(cards);
  });

  it('forgets what a removed account found; a key only it held leaves the stack', () => {
    const production = { id: 'prod', name: 'Production' };
    const staging = { id: 'stage', name: 'Staging' };
    let cards = placeOnTop([], A, answer(found('Both', production), found('Both', staging)), NOW);
    cards = placeOnTop(cards, B, answer(found('Staging only', staging)), NOW);
    const left = withoutAccount(cards, staging.id);
    expect(left.map((card) => card.hash)).toEqual([A]);
    expect(left[0]?.found.map((f) => f.account?.id)).toEqual(['prod']);
  });
});
