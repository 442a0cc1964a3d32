import { act, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { NOW } from '@/test/fixtures/key';
import { viewRow } from '@/utils/bulk/row';
import type { KeyHash } from '@/utils/hash-input';
import { PAGE_ROWS, ResultsTable, ROWS_PER_FRAME } from './ResultsTable';

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

/** Once the table has drawn every row it means to: a few each display frame. */
const settled = (rows: number) => waitFor(() => expect(bodyRows()).toBe(rows));

describe('the results table, a page of rows at a time', () => {
  it(`draws the first ${PAGE_ROWS} rows of a long run and says how many there are`, async () => {
    table(PAGE_ROWS + 30);
    await settled(PAGE_ROWS);
    expect(screen.getByText(`Showing ${PAGE_ROWS} of ${PAGE_ROWS + 30} rows.`, { exact: false })).toBeTruthy();
  });

  it(`draws a new table ${ROWS_PER_FRAME} rows a frame, not its whole page at once`, async () => {
    vi.useFakeTimers({ toFake: ['requestAnimationFrame', 'cancelAnimationFrame'] });
    try {
      table(PAGE_ROWS + 30);
      expect(bodyRows()).toBe(ROWS_PER_FRAME);
      // Each frame adds as many rows, until the page is drawn; then no frame is asked for.
      const seen = [bodyRows()];
      for (let frame = 0; frame < 5; frame++) {
        await act(async () => {
          await Promise.resolve();
          vi.advanceTimersToNextFrame();
        });
        seen.push(bodyRows());
      }
      expect(seen).toEqual([20, 40, 50, 50, 50, 50]);
      expect(vi.getTimerCount()).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('draws the rest on "Show … more", and then offers no more', async () => {
    table(PAGE_ROWS + 30);
    await settled(PAGE_ROWS);
    fireEvent.click(screen.getByRole('button', { name: 'Show 30 more' }));
    await settled(PAGE_ROWS + 30);
    expect(screen.queryByRole('button', { name: /Show \d+ more/ })).toBeNull();
  });

  it('offers the next page whole when more than a page is left', async () => {
    table(PAGE_ROWS * 3);
    await settled(PAGE_ROWS);
    fireEvent.click(screen.getByRole('button', { name: `Show ${PAGE_ROWS} more` }));
    await settled(PAGE_ROWS * 2);
    expect(screen.getByRole('button', { name: `Show ${PAGE_ROWS} more` })).toBeTruthy();
  });

  it('draws a short run whole, with no paging', async () => {
    table(12);
    expect(bodyRows()).toBe(12);
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(bodyRows()).toBe(12);
    expect(screen.queryByText(/Showing/)).toBeNull();
  });
});
