import { ROW_FILTER_LABELS, ROW_FILTERS, type RowFilter } from '@/utils/bulk/row';

export interface FilterBarProps {
  counts: Record<RowFilter, number>;
  current: RowFilter;
  onPick: (filter: RowFilter) => void;
}

const count = new Intl.NumberFormat('en-US');

/** All, Active, Disabled … Errors, each with the number of rows it shows. */
export function FilterBar({ counts, current, onPick }: FilterBarProps) {
  return (
    <div class="bulk-filters" role="group" aria-label="Show rows">
      {ROW_FILTERS.map((filter) => (
        <button
          key={filter}
          type="button"
          class="bulk-filter"
          aria-pressed={filter === current}
          onClick={() => onPick(filter)}
        >
          {ROW_FILTER_LABELS[filter]} <span class="bulk-filter__count">{count.format(counts[filter])}</span>
        </button>
      ))}
    </div>
  );
}
