import { describe, expect, it } from 'vitest';
import { storedAlike } from './stored-alike';

describe('storedAlike: equal as stored JSON', () => {
  it.each([
    ['the same keys in another order', { a: 1, b: 2 }, { b: 2, a: 1 }, true],
    [
      'nested objects sorted, as Chromium echoes a write',
      { z: 1, a: { b: 2, a: [3, { y: 1, x: 2 }] } },
      { a: { a: [3, { x: 2, y: 1 }], b: 2 }, z: 1 },
      true,
    ],
    ['an array in another order', [1, 2], [2, 1], false],
    ['a changed number', { a: 1 }, { a: 2 }, false],
    ['a number and its string', { a: 1 }, { a: '1' }, false],
    ['a key more', { a: 1 }, { a: 1, b: 2 }, false],
    ['a key less', { a: 1, b: 2 }, { a: 1 }, false],
    ['a key holding undefined, which JSON leaves out', { a: 1, b: undefined }, { a: 1 }, true],
    ['undefined against null in an object', { a: undefined }, { a: null }, false],
    ['undefined in an array, which JSON writes as null', [undefined], [null], true],
    ['nothing and null, as an item removed', undefined, null, true],
    ['a Date and its ISO string', { at: new Date('2026-12-04T00:00:00Z') }, { at: '2026-12-04T00:00:00.000Z' }, true],
    ['an array and an object with its indexes', [1], { 0: 1 }, false],
    ['an empty object and null', {}, null, false],
    ['a longer array', [1, 2], [1, 2, 3], false],
  ])('%s: %s', (_what, a, b, same) => {
    expect(storedAlike(a, b)).toBe(same);
    expect(storedAlike(b, a)).toBe(same);
    // The meaning it stands for: equal as JSON with sorted keys.
    const sorted = (value: unknown) =>
      JSON.stringify(value ?? null, (_key, inner: unknown) =>
        inner !== null && typeof inner === 'object' && !Array.isArray(inner)
          ? Object.fromEntries(Object.entries(inner).sort(([p], [q]) => (p < q ? -1 : p > q ? 1 : 0)))
          : inner,
      );
    expect(sorted(a) === sorted(b)).toBe(same);
  });
});
