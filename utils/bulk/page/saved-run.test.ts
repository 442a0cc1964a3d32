import { afterEach, describe, expect, it, vi } from 'vitest';
import type { AccountAnswer } from '@/utils/bulk/answers';
import type { KeyHash } from '@/utils/hash-input';
import { loadRun, RunSaver } from './saved-run';

const hash = (n: number) => n.toString(16).padStart(64, '0') as KeyHash;
const notFound: AccountAnswer = { kind: 'done', value: { ok: false, error: { kind: 'not_found' } } };
const failed: AccountAnswer = { kind: 'failed', error: { kind: 'timeout' } } as AccountAnswer;
const head = (ranAt: string) => ({ ranAt, accounts: [{ id: 'a', name: 'Main' }], hashes: [hash(1), hash(2), hash(3)] });

afterEach(() => sessionStorage.clear());

describe('the saved run', () => {
  it('comes back after a reload with every answer added since it started, later ones last', () => {
    const saver = new RunSaver(head('2026-01-01T00:00:00.000Z'), [[`a/${hash(1)}`, notFound]]);
    saver.append([[`a/${hash(2)}`, failed]]);
    saver.append([
      [`a/${hash(2)}`, notFound],
      [`a/${hash(3)}`, notFound],
    ]);
    const run = loadRun();
    expect(run).toMatchObject(head('2026-01-01T00:00:00.000Z'));
    expect(new Map(run?.answers)).toEqual(
      new Map([
        [`a/${hash(1)}`, notFound],
        [`a/${hash(2)}`, notFound],
        [`a/${hash(3)}`, notFound],
      ]),
    );
  });

  it('holds only the latest run: a new one leaves none of the earlier answers', () => {
    new RunSaver(head('2026-01-01T00:00:00.000Z'), []).append([[`a/${hash(1)}`, notFound]]);
    new RunSaver(head('2026-01-02T00:00:00.000Z'), []).append([[`a/${hash(2)}`, failed]]);
    expect(loadRun()?.answers).toEqual([[`a/${hash(2)}`, failed]]);
  });

  it('starts a run without removing the earlier one’s answers, and removes them once the page is idle', () => {
    const idle: (() => void)[] = [];
    vi.stubGlobal('requestIdleCallback', (task: () => void) => idle.push(task));
    try {
      const earlier = new RunSaver(head('2026-01-01T00:00:00.000Z'), []);
      earlier.append([[`a/${hash(1)}`, notFound]]);
      earlier.append([[`a/${hash(2)}`, notFound]]);
      const removed = vi.spyOn(sessionStorage, 'removeItem');
      new RunSaver(head('2026-01-02T00:00:00.000Z'), [[`a/${hash(3)}`, failed]]);
      expect(removed).not.toHaveBeenCalled();
      // Unreachable already: the page reloaded now shows the new run alone.
      expect(loadRun()?.answers).toEqual([[`a/${hash(3)}`, failed]]);
      idle.forEach((task) => task());
      // The earlier run's three chunks (what it kept, and two appended) are gone; the new run's
      // head and its one chunk are left.
      expect(removed).toHaveBeenCalledTimes(3);
      expect(sessionStorage.length).toBe(2);
      expect(loadRun()?.answers).toEqual([[`a/${hash(3)}`, failed]]);
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('keeps nothing when the tab’s storage is full, and the page then starts empty', () => {
    const saver = new RunSaver(head('2026-01-01T00:00:00.000Z'), []);
    vi.spyOn(sessionStorage, 'setItem').mockImplementation(() => {
      throw new DOMException('full', 'QuotaExceededError');
    });
    saver.append([[`a/${hash(1)}`, notFound]]);
    expect(loadRun()).toBeNull();
  });
});
