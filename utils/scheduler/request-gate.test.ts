// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { RequestGate, type Turn } from './request-gate';

/** Enters and records the turn it gets, in the order turns are given. */
function recorder(gate: RequestGate) {
  const given: string[] = [];
  const enter = (name: string, account = 'prod', run = 'run-1', limit = 2) =>
    gate.enter(account, run, limit).then((turn: Turn) => {
      given.push(`${name}:${turn.kind}`);
      return turn;
    });
  return { given, enter };
}

/** Lets every turn already given reach the recorder: turns are promises, and setImmediate runs
 * only once the promise jobs queued before it have run. No clock is involved. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('RequestGate', () => {
  it('lets `limit` requests of an account go at once and the others in order as each ends', async () => {
    const gate = new RequestGate();
    const { given, enter } = recorder(gate);
    void ['a', 'b', 'c', 'd'].map((name) => enter(name));
    await settle();
    expect(given).toEqual(['a:go', 'b:go']);
    gate.leave('prod', 2);
    await settle();
    expect(given).toEqual(['a:go', 'b:go', 'c:go']);
    gate.leave('prod', 2);
    await settle();
    expect(given).toEqual(['a:go', 'b:go', 'c:go', 'd:go']);
  });

  it('keeps each account apart: one account full does not hold another up', async () => {
    const gate = new RequestGate();
    const { given, enter } = recorder(gate);
    void enter('a', 'prod', 'run-1', 1);
    void enter('b', 'prod', 'run-1', 1);
    void enter('c', 'staging', 'run-1', 1);
    await settle();
    expect(given).toEqual(['a:go', 'c:go']);
  });

  it('sends nothing of a cancelled run: its waiting requests, and any that come later', async () => {
    const gate = new RequestGate();
    const { given, enter } = recorder(gate);
    void enter('a', 'prod', 'old', 1);
    void enter('b', 'prod', 'old', 1);
    void enter('c', 'prod', 'new', 1);
    await settle();
    gate.cancel('old');
    await settle();
    expect(given).toEqual(['a:go', 'b:cancelled']);
    void enter('late', 'prod', 'old', 1);
    gate.leave('prod', 1);
    await settle();
    expect(given).toEqual(['a:go', 'b:cancelled', 'late:cancelled', 'c:go']);
  });

  it('after a 429, hands the waiting requests back with the end of the pause instead of sending them', async () => {
    let now = 1_000;
    const gate = new RequestGate(() => now);
    const { given, enter } = recorder(gate);
    void enter('a', 'prod', 'run-1', 1);
    const waiting = enter('b', 'prod', 'run-1', 1);
    await settle();
    gate.pause('prod', 3_000);
    gate.leave('prod', 1);
    expect(await waiting).toEqual({ kind: 'paused', untilMs: 3_000 });
    expect(await gate.enter('prod', 'run-1', 1)).toEqual({ kind: 'paused', untilMs: 3_000 });
    now = 3_000;
    expect(await enter('c', 'prod', 'run-1', 1)).toEqual({ kind: 'go' });
    expect(given).toEqual(['a:go', 'b:paused', 'c:go']);
  });

  it('after a 429 and its pause, lets the waiting requests go one by one at the rate that got through', async () => {
    let now = 0;
    const wakes: { at: number; wake: () => void }[] = [];
    const gate = new RequestGate(
      () => now,
      (ms, wake) => void wakes.push({ at: now + ms, wake }),
    );
    const { given, enter } = recorder(gate);
    // Four go, 5 ms apart; two are answered, then the server refuses a third with the fourth in
    // flight: two got through in the last second.
    for (const name of ['a', 'b', 'c', 'd']) {
      void enter(name, 'prod', 'run-1', 4);
      await settle();
      now += 5;
    }
    gate.leave('prod', 4);
    gate.leave('prod', 4);
    gate.pause('prod', 1_000);
    gate.leave('prod', 4);
    gate.leave('prod', 4);
    now = 1_000;
    void ['e', 'f', 'g'].map((name) => enter(name, 'prod', 'run-1', 4));
    await settle();
    // Two per second got through: one every 525 ms, however many the limit would let go.
    expect(given).toEqual(['a:go', 'b:go', 'c:go', 'd:go', 'e:go']);
    expect(wakes.map((w) => w.at)).toEqual([1_525]);
    now = 1_525;
    wakes.shift()?.wake();
    await settle();
    expect(given.slice(5)).toEqual(['f:go']);
    expect(wakes.map((w) => w.at)).toEqual([2_050]);
  });

  it('lets one request go however low the limit it is given', async () => {
    const gate = new RequestGate();
    expect(await gate.enter('prod', 'run-1', 0)).toEqual({ kind: 'go' });
  });
});
