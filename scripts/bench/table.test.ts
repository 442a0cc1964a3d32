import { describe, expect, it } from 'vitest';
import { atLeast, frames, mb, ms, row, single, table, times, versus } from './table.ts';

describe('formats', () => {
  it.each([
    [ms, 17.94, '17.9 ms'],
    [ms, 0, '0.0 ms'],
    [times, 1.4, '1.40×'],
    [mb, 4.3 * 1024 * 1024, '4.30 MB'],
    [frames, 1, '1 frame'],
    [frames, 6, '6 frames'],
    [frames, 1.5, '1.5 frames'],
  ])('%#: %d reads %s', (format, value, expected) => {
    expect(format(value)).toBe(expected);
  });
});

describe('row', () => {
  it('shows the median and the p25 – p75 spread, and passes a median within the goal', () => {
    expect(row('Lookup', [10, 20, 30, 40, 50], ms, 30)).toEqual({
      what: 'Lookup',
      median: '30.0 ms',
      spread: '20.0 ms – 40.0 ms',
      goal: '≤ 30.0 ms',
      verdict: 'pass',
    });
  });

  it('fails a median over the goal, whatever the spread', () => {
    expect(row('Ratio', [1.2, 1.6, 1.7], times, 1.5)).toMatchObject({
      median: '1.60×',
      goal: '≤ 1.50×',
      verdict: 'FAIL',
    });
  });

  it('fails a row with no finite sample against a goal, rather than passing it', () => {
    expect(row('Nothing measured', [NaN], ms, 25)).toMatchObject({ median: 'NaN ms', verdict: 'FAIL' });
  });

  it('has neither goal nor verdict without a goal', () => {
    expect(row('↳ step', [1, 2, 3], ms)).toMatchObject({ goal: '', verdict: '' });
  });
});

describe('versus', () => {
  it('puts ours and the reference side by side, medians and spreads, with no goal', () => {
    expect(versus('↳ Enter → painted', [10, 20, 30, 40, 50], [1, 2, 3, 4, 5], ms)).toEqual({
      what: '↳ Enter → painted',
      median: '30.0 ms vs 3.0 ms',
      spread: '20.0 ms – 40.0 ms vs 2.0 ms – 4.0 ms',
      goal: '',
      verdict: '',
    });
  });

  it('reads "–" for a side with no sample (a step only ours has)', () => {
    expect(versus('↳ storage', [2, 2], [], ms)).toMatchObject({
      median: '2.0 ms vs –',
      spread: '2.0 ms – 2.0 ms vs –',
    });
  });
});

describe('atLeast', () => {
  it.each([
    [30, 'pass'],
    [31, 'pass'],
    [29, 'FAIL'],
  ])('with %d of 40 against a goal of 30: %s', (count, verdict) => {
    expect(atLeast('Within one frame', count, 40, 30)).toEqual({
      what: 'Within one frame',
      median: `${count} of 40`,
      spread: '',
      goal: '≥ 30 of 40',
      verdict,
    });
  });
});

describe('table', () => {
  it('is a markdown table: header, alignment, then one line per row in order', () => {
    const rows = [
      row('Lookup', [10, 20, 30, 40, 50], ms, 25),
      single('↳ storage calls', '3 calls'),
      single('Popup JS gzipped', '13.9 KB', '≤ 15.0 KB', 'pass'),
    ];
    expect(table(rows).split('\n')).toEqual([
      '| What | Median | Spread (p25 – p75) | Goal | Verdict |',
      '| --- | ---: | ---: | ---: | :---: |',
      '| Lookup | 30.0 ms | 20.0 ms – 40.0 ms | ≤ 25.0 ms | FAIL |',
      '| ↳ storage calls | 3 calls |  |  |  |',
      '| Popup JS gzipped | 13.9 KB |  | ≤ 15.0 KB | pass |',
    ]);
  });
});
