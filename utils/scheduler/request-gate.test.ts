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

  it('lets one request go however low the limit it is given', async () => {
    const gate = new RequestGate();
    expect(await gate.enter('prod', 'run-1', 0)).toEqual({ kind: 'go' });
  });
});
