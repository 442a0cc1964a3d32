import { describe, expect, it } from 'vitest';
import { frameInterval, framesAfter } from './frames.ts';

const FRAME = 1000 / 60;

describe('frameInterval', () => {
  it('reads 60 Hz from timestamps rounded to 0.1 ms, where single steps say 16.6 or 16.7', () => {
    const stamps = Array.from({ length: 31 }, (_, i) => Math.round((1000 + i * FRAME) * 10) / 10);
    expect(frameInterval(stamps)).toBeCloseTo(FRAME, 2);
  });

  it('is NaN with fewer than two timestamps', () => {
    expect(frameInterval([])).toBeNaN();
    expect(frameInterval([16.7])).toBeNaN();
  });
});

describe('framesAfter', () => {
  // The display's beat: frames begin at 100, 100 + 16.7, …
  const grid = { gridAt: 100, interval: FRAME };

  it.each([
    ['painted in the frame that begins right after the event', 105, 100 + FRAME + 3, 1],
    ['an event late in its frame, painted early in the next', 100 + FRAME - 0.5, 100 + FRAME + 2, 1],
    ['an event in a later frame than the grid stamp', 100 + 2 * FRAME + 1, 100 + 3 * FRAME + 4, 1],
    ['a paint that spills past the next frame', 105, 100 + 2 * FRAME + 1, 2],
    ['a long render: six frames on', 102, 100 + 6 * FRAME + 10, 6],
    ['a frame begun before the event but painted after it, in the same frame', 108, 112, 0],
  ])('%s', (_what, eventAt, paintedAt, frames) => {
    expect(framesAfter({ ...grid, eventAt, paintedAt })).toBe(frames);
  });

  it('is NaN when a stamp is missing or the interval unknown', () => {
    expect(framesAfter({ ...grid, eventAt: 105, paintedAt: NaN })).toBeNaN();
    expect(framesAfter({ gridAt: 100, interval: NaN, eventAt: 105, paintedAt: 130 })).toBeNaN();
    expect(framesAfter({ gridAt: 100, interval: 0, eventAt: 105, paintedAt: 130 })).toBeNaN();
  });
});
