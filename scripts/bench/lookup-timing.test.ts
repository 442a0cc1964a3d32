import { describe, expect, it } from 'vitest';
import { FRAME_MS, phaseMs } from './lookup-timing.ts';

describe('phaseMs', () => {
  it('gives the same phase for the same sample, so both sides of a pair press alike', () => {
    expect(phaseMs(7)).toBe(phaseMs(7));
  });

  it('stays within one frame, starting at its beginning', () => {
    const phases = Array.from({ length: 40 }, (_, i) => phaseMs(i));
    expect(phases[0]).toBe(0);
    expect(Math.min(...phases)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...phases)).toBeLessThan(FRAME_MS);
  });

  it('covers the frame evenly: 40 samples land in each eighth of it', () => {
    const eighths = new Set(Array.from({ length: 40 }, (_, i) => Math.floor((phaseMs(i) / FRAME_MS) * 8)));
    expect([...eighths].sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });
});
