import { describe, expect, it } from 'vitest';
import type { PageSteps } from './popup-ready.ts';
import { firstFrameAhead } from './rows-ready.ts';

const popup = (focusedAt: number | null, firstSentAt: number | null): PageSteps => ({
  htmlAt: 4,
  parsedAt: 30,
  scriptsRanAt: 45,
  renderedAt: 30,
  focusedAt,
  readyAt: focusedAt ?? 50,
  firstSentAt,
  firstRepliedAt: null,
  historyAt: null,
});

describe('firstFrameAhead', () => {
  it('gives each popup’s ms from focus to the start message, and counts the popups focused first', () => {
    const found = firstFrameAhead([popup(35, 41), popup(44, 40), popup(38, 38.5)]);
    expect(found.leadsMs).toEqual([6, -4, 0.5]);
    expect(found.ahead).toBe(2);
  });

  it('leaves out a popup that was never focused or sent nothing', () => {
    expect(firstFrameAhead([popup(null, 40), popup(35, null), popup(30, 36)])).toEqual({ leadsMs: [6], ahead: 1 });
  });
});
