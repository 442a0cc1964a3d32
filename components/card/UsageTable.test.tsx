import { render, screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import type { ApiKey } from '@/utils/api-key';
import { UsageTable } from './UsageTable';
import { makeKey } from '@/test/fixtures/key';

/** The table as a user reads it: one array of cell texts per row, header row first. */
function readTable(overrides: Partial<ApiKey> = {}): string[][] {
  render(<UsageTable apiKey={makeKey(overrides)} />);
  const table = screen.getByRole('table', { name: 'Usage' });
  return within(table)
    .getAllByRole('row')
    .map((row) => Array.from(row.children, (cell) => cell.textContent ?? ''));
}

const BYOK_USE = {
  byok_usage: 611.47,
  byok_usage_daily: 2.15,
  byok_usage_weekly: 18.45,
  byok_usage_monthly: 96.3,
};

describe('UsageTable', () => {
  it('shows ModelGates credits per period, without a BYOK column for a key that never used BYOK', () => {
    expect(readTable()).toEqual([
      ['Period', 'ModelGates credits'],
      ['Today', '$1.85'],
      ['This week', '$11.20'],
      ['This month', '$42.75'],
      ['Total', '$318.40'],
    ]);
    expect(screen.queryByText(/BYOK/)).toBeNull();
  });

  it('adds a BYOK column when the key used BYOK', () => {
    expect(readTable(BYOK_USE)).toEqual([
      ['Period', 'ModelGates credits', 'BYOK'],
      ['Today', '$1.85', '$2.15'],
      ['This week', '$11.20', '$18.45'],
      ['This month', '$42.75', '$96.30'],
      ['Total', '$318.40', '$611.47'],
    ]);
  });

  it.each<[string, Partial<ApiKey>, string]>([
    [
      'BYOK used, not counted',
      { ...BYOK_USE, include_byok_in_limit: false },
      'BYOK usage does not count toward the limit',
    ],
    ['BYOK used, counted', { ...BYOK_USE, include_byok_in_limit: true }, 'BYOK usage counts toward the limit'],
    ['no BYOK yet, but counted', { include_byok_in_limit: true }, 'BYOK usage counts toward the limit'],
    [
      'BYOK used, flag unknown',
      { ...BYOK_USE, include_byok_in_limit: undefined },
      'Whether BYOK usage counts toward the limit: unknown',
    ],
  ])('%s: shows the column and says "%s"', (_case, overrides, note) => {
    const rows = readTable(overrides);
    expect(rows[0]).toContain('BYOK');
    expect(screen.queryByText(note)).not.toBeNull();
  });

  it('only the one non-zero BYOK figure is enough to show the column', () => {
    expect(readTable({ byok_usage: 0.004 })[4]).toEqual(['Total', '$318.40', '< $0.01']);
  });

  it('says "unknown" for figures the API did not send', () => {
    expect(
      readTable({
        usage_weekly: undefined,
        usage: undefined,
        include_byok_in_limit: true,
        byok_usage_daily: undefined,
      }),
    ).toEqual([
      ['Period', 'ModelGates credits', 'BYOK'],
      ['Today', '$1.85', 'unknown'],
      ['This week', 'unknown', '$0.00'],
      ['This month', '$42.75', '$0.00'],
      ['Total', 'unknown', '$0.00'],
    ]);
  });
});
