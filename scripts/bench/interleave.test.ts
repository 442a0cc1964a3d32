import { describe, expect, it } from 'vitest';
import { interleaved } from './interleave.ts';

describe('interleaved', () => {
  it('alternates which side goes first and keeps sample i of each side as a pair', async () => {
    const order: string[] = [];
    const side = (name: string) => async (sample: number) => {
      order.push(`${name}${sample}`);
      return `${name}${sample}`;
    };
    const result = await interleaved(4, side('o'), side('r'));
    expect(order).toEqual(['o0', 'r0', 'r1', 'o1', 'o2', 'r2', 'r3', 'o3']);
    expect(result).toEqual({ ours: ['o0', 'o1', 'o2', 'o3'], reference: ['r0', 'r1', 'r2', 'r3'] });
  });

  it('stops at the first failure rather than leaving the pairs out of step', async () => {
    const failing = async (sample: number) => {
      if (sample === 1) throw new Error('no card');
      return sample;
    };
    await expect(interleaved(3, async (s) => s, failing)).rejects.toThrow('no card');
  });
});
