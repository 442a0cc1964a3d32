import { describe, expect, it } from 'vitest';
import type { Probe, ProbedMessage } from './worker-probe.ts';
import { allSteps, firstSteps, stepsOf } from './worker-steps.ts';

const message = (over: Partial<ProbedMessage> = {}): ProbedMessage => ({
  type: 'lookup',
  hash: 'ab',
  receivedAt: 100,
  fetchAt: 104,
  fetchedAt: 110,
  repliedAt: 113,
  ...over,
});

describe('stepsOf', () => {
  it('splits the handling at the fetch and counts storage before and after the reply', () => {
    const storage = [
      { name: 'local.get', startAt: 101, endAt: 103 },
      { name: 'session.set', startAt: 114, endAt: 120 },
      { name: 'local.set', startAt: 115, endAt: 118 },
      // Before this message arrived: another message's.
      { name: 'local.get', startAt: 90, endAt: 95 },
    ];
    expect(stepsOf(message(), storage)).toEqual({
      handlingMs: 13,
      toFetchMs: 4,
      fetchMs: 6,
      afterFetchMs: 3,
      beforeReply: { calls: 1, ms: 2, names: ['local.get'] },
      afterReply: { calls: 2, ms: 9, names: ['session.set', 'local.set'] },
    });
  });

  it('leaves calls from the next message on out of "after the reply"', () => {
    const storage = [{ name: 'session.set', startAt: 130, endAt: 131 }];
    expect(stepsOf(message(), storage, 125).afterReply.calls).toBe(0);
    expect(stepsOf(message(), storage).afterReply.calls).toBe(1);
  });

  it('gives null for steps never stamped (no fetch: a cached answer), and counts a call still running as 0 ms', () => {
    const steps = stepsOf(message({ fetchAt: null, fetchedAt: null }), [
      { name: 'local.get', startAt: 101, endAt: null },
    ]);
    expect(steps).toMatchObject({ handlingMs: 13, toFetchMs: null, fetchMs: null, afterFetchMs: null });
    expect(steps.beforeReply).toEqual({ calls: 1, ms: 0, names: ['local.get'] });
  });

  it('has no "after the reply" for a message never answered', () => {
    const steps = stepsOf(message({ repliedAt: null }), [{ name: 'local.set', startAt: 200, endAt: 201 }]);
    expect(steps.handlingMs).toBeNull();
    expect(steps.beforeReply.calls).toBe(1);
    expect(steps.afterReply.calls).toBe(0);
  });
});

describe('firstSteps and allSteps', () => {
  const probe: Probe = {
    timeOrigin: 0,
    startedAt: 1,
    evaluatedAt: 20,
    messages: [
      message({ type: 'watchStatus', receivedAt: 50, repliedAt: 52 }),
      message(),
      message({ receivedAt: 200, fetchAt: null, fetchedAt: null, repliedAt: 203 }),
    ],
    storage: [{ name: 'session.set', startAt: 201, endAt: 202 }],
  };

  it('picks the first message of the type, its storage ending where the next of its type begins', () => {
    expect(firstSteps(probe, 'lookup')).toMatchObject({ handlingMs: 13, afterReply: { calls: 0 } });
    expect(firstSteps(probe, 'history')).toBeNull();
    expect(firstSteps(null, 'lookup')).toBeNull();
  });

  it('gives every message of the type', () => {
    expect(allSteps(probe, 'lookup').map((steps) => steps.handlingMs)).toEqual([13, 3]);
    expect(allSteps(null, 'lookup')).toEqual([]);
  });
});
