import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { RowView } from '@/utils/bulk/row';
import { selectableHashes } from '@/utils/bulk/watch-rows';
import type { KeyHash } from '@/utils/hash-input';
import type { SelectRows } from '../../utils/bulk/page/use-row-selection';

export interface SelectShownBoxProps {
  /** Every row the filter shows, drawn yet or not. */
  views: readonly RowView[];
  selected: ReadonlySet<KeyHash>;
  onSelect: SelectRows;
}

/**
 * "Select all shown", in the table's header: ticks every row the filter shows that can be
 * watched, or clears them when all are ticked; rows hidden by the filter keep their state. Mixed
 * (some ticked) shows as indeterminate.
 */
export function SelectShownBox({ views, selected, onSelect }: SelectShownBoxProps) {
  const box = useRef<HTMLInputElement>(null);
  const hashes = useMemo(() => selectableHashes(views), [views]);
  const ticked = hashes.reduce((n, hash) => (selected.has(hash) ? n + 1 : n), 0);
  const all = hashes.length > 0 && ticked === hashes.length;
  const some = ticked > 0 && !all;

  useEffect(() => {
    if (box.current) box.current.indeterminate = some;
  }, [some]);

  return (
    <input
      ref={box}
      type="checkbox"
      aria-label="Select all shown"
      checked={all}
      disabled={hashes.length === 0}
      onChange={() => onSelect(hashes, !all)}
    />
  );
}
