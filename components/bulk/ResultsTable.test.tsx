import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { NOW } from '@/test/fixtures/key';
import { viewRow } from '@/utils/bulk/row';
import type { KeyHash } from '@/utils/hash-input';
import { PAGE_ROWS, ResultsTable } from './ResultsTable';

/** `count` rows the run did not reach, each with its own hash. */
const views = (count: number) =>
  Array.from({ length: count }, (_, i) =>
    viewRow({ hash: i.toString(16).padStart(64, '0') as KeyHash, account: null, result: { kind: 'not_found' } }, NOW),
  );

const table = (count: number) =>
  render(
    <ResultsTable
      views={views(count)}
      several={false}
      sort={null}
      onSort={vi.fn()}
      selected={new Set()}
      onSelect={vi.fn()}
    />,
  );
/** The body's rows: the header row apart. */
const bodyRows = () => screen.getAllByRole('row').length - 1;

describe('the results table, a page of rows at a time', () => {
  it(`draws the first ${PAGE_ROWS} rows of a long run and says how many there are`, () => {
    table(PAGE_ROWS + 30);
    expect(bodyRows()).toBe(PAGE_ROWS);
    expect(screen.getByText(`Showing ${PAGE_ROWS} of ${PAGE_ROWS + 30} rows.`, { exact: false })).toBeTruthy();
  });

  it('draws the rest on "Show … more", and then offers no more', () => {
    table(PAGE_ROWS + 30);
    fireEvent.click(screen.getByRole('button', { name: 'Show 30 more' }));
    expect(bodyRows()).toBe(PAGE_ROWS + 30);
    expect(screen.queryByRole('button', { name: /Show \d+ more/ })).toBeNull();
  });

  it('offers the next page whole when more than a page is left', () => {
    table(PAGE_ROWS * 3);
    fireEvent.click(screen.getByRole('button', { name: `Show ${PAGE_ROWS} more` }));
    expect(bodyRows()).toBe(PAGE_ROWS * 2);
    expect(screen.getByRole('button', { name: `Show ${PAGE_ROWS} more` })).toBeTruthy();
  });

  it('draws a short run whole, with no paging', () => {
    table(12);
    expect(bodyRows()).toBe(12);
    expect(screen.queryByText(/Showing/)).toBeNull();
  });
});
