import { useEffect, useState } from 'preact/hooks';
import type { RowView } from '@/utils/bulk/row';
import { ariaSort, nextSort, type RowSort, type SortColumn } from '@/utils/bulk/sort';
import type { KeyHash } from '@/utils/hash-input';
import { ResultRow } from './ResultCells';
import { SelectShownBox } from './SelectShownBox';
import type { SelectRows } from '../../utils/bulk/page/use-row-selection';

/** Rows drawn at once; more on request, so that 5,000 rows sort and filter, and a run paints, without a wait. */
export const PAGE_ROWS = 50;
/**
 * Rows a new table draws in one display frame; the rest of its page follow in the next frames, as
 * many each. Laying out fifty new rows at once took one frame over 50 ms when a run started.
 */
export const ROWS_PER_FRAME = 20;

const HEADERS: [SortColumn, string][] = [
  ['name', 'Name'],
  ['account', 'Account'],
  ['status', 'Status'],
  ['spent', 'Spent of limit'],
  ['remaining', 'Remaining'],
  ['reset', 'Next reset'],
  ['runs_out', 'Runs out'],
  ['usage_monthly', 'This month'],
  ['expiry', 'Expiry'],
  ['hash', 'Hash'],
];

export interface ResultsTableProps {
  views: RowView[];
  /** Several accounts: the account column is shown. */
  several: boolean;
  sort: RowSort | null;
  onSort: (sort: RowSort) => void;
  /** The rows ticked for "Watch selected", by hash. */
  selected: ReadonlySet<KeyHash>;
  onSelect: SelectRows;
}

export function ResultsTable({ views, several, sort, onSort, selected, onSelect }: ResultsTableProps) {
  const [shown, setShown] = useState(PAGE_ROWS);
  const [drawn, setDrawn] = useState(ROWS_PER_FRAME);
  const wanted = Math.min(shown, views.length);
  useEffect(() => {
    if (drawn >= wanted) return;
    const frame = requestAnimationFrame(() => setDrawn((n) => n + ROWS_PER_FRAME));
    return () => cancelAnimationFrame(frame);
  }, [drawn, wanted]);
  const headers = several ? HEADERS : HEADERS.filter(([column]) => column !== 'account');
  return (
    <>
      <div class="bulk-table-wrap">
        <table class="bulk-table">
          <caption class="visually-hidden">Lookup results, one row per hash</caption>
          <thead>
            <tr>
              <th scope="col" class="bulk-select">
                <SelectShownBox views={views} selected={selected} onSelect={onSelect} />
              </th>
              {headers.map(([column, label]) => (
                <th key={column} scope="col" aria-sort={ariaSort(column, sort)}>
                  <button type="button" class="bulk-sort" onClick={() => onSort(nextSort(column, sort))}>
                    {label}
                  </button>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {views.slice(0, Math.min(shown, drawn)).map((view) => (
              <ResultRow
                key={view.row.hash}
                view={view}
                several={several}
                selected={selected.has(view.row.hash)}
                onSelect={onSelect}
              />
            ))}
          </tbody>
        </table>
      </div>
      {views.length > shown && (
        <p class="bulk-more">
          Showing {shown} of {views.length} rows.{' '}
          <button type="button" onClick={() => setShown((n) => n + PAGE_ROWS)}>
            Show {Math.min(PAGE_ROWS, views.length - shown)} more
          </button>
        </p>
      )}
    </>
  );
}
