import { describe, expect, it } from 'vitest';
import type { Pace } from './pace';
import { NO_SPEND_TEXT, paceWords, runsOutShort, TOO_EARLY_TEXT } from './pace-words';

const NOW = new Date('2026-11-26T17:00:00Z');
const RESET = new Date('2026-11-27T00:00:00Z');
const projected = (fields: Partial<Extract<Pace, { kind: 'projected' }>>): Pace => ({
  kind: 'projected',
  period: 'daily',
  spent: 30,
  projected: 48,
  limit: 100,
  resetAt: RESET,
  runsOutAt: null,
  ...fields,
});

describe('paceWords', () => {
  it.each<[string, Pace | null, ReturnType<typeof paceWords>]>([
    ['a calm key', projected({}), { text: 'At this pace: about $48 by the reset (limit $100)', warning: false }],
    [
      'a small projection keeps its cents, a limit with cents too',
      projected({ projected: 4.456, limit: 12.5 }),
      { text: 'At this pace: about $4.46 by the reset (limit $12.50)', warning: false },
    ],
    [
      'a run-out before the reset',
      projected({ projected: 160, runsOutAt: new Date('2026-11-26T20:00:00Z') }),
      { text: 'At this pace the limit is reached in about 3 h, before the reset in 7 h', warning: true },
    ],
    [
      'a run-out said from a later now, already due',
      projected({ projected: 160, runsOutAt: new Date('2026-11-26T16:00:00Z') }),
      { text: 'At this pace the limit is reached about now, before the reset in 7 h', warning: true },
    ],
    [
      'a run-out in minutes, a reset days away',
      {
        ...projected({ period: 'weekly', projected: 400 }),
        resetAt: new Date('2026-11-30T00:00:00Z'),
        runsOutAt: new Date('2026-11-26T17:45:00Z'),
      } as Pace,
      { text: 'At this pace the limit is reached in about 45 min, before the reset in 3 d', warning: true },
    ],
    ['too early', { kind: 'too_early', resetAt: RESET }, { text: TOO_EARLY_TEXT, warning: false }],
    ['nothing spent', { kind: 'no_spend', resetAt: RESET }, { text: NO_SPEND_TEXT, warning: false }],
    ['the limit reached: the badge says it', { kind: 'reached' }, null],
    ['no limit or no reset', null, null],
    ['a projection whose reset has passed since', projected({ resetAt: new Date('2026-11-26T16:00:00Z') }), null],
  ])('%s', (_, pace, expected) => {
    expect(paceWords(pace, NOW)).toEqual(expected);
  });
});

describe('runsOutShort', () => {
  it('says when a run-out before the reset comes, and nothing otherwise', () => {
    expect(runsOutShort(projected({ runsOutAt: new Date('2026-11-26T20:00:00Z') }), NOW)).toBe('runs out in ~3 h');
    expect(runsOutShort(projected({}), NOW)).toBeNull();
    expect(runsOutShort({ kind: 'too_early', resetAt: RESET }, NOW)).toBeNull();
    expect(runsOutShort(null, NOW)).toBeNull();
  });
});
