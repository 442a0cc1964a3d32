import { useCallback, useEffect, useState } from 'preact/hooks';
import type { KeyHash } from '@/utils/hash-input';

/**
 * The rows ticked for "Watch selected", by hash: a sort or a filter changes which rows are drawn,
 * not which are selected. `onSelect` keeps its identity, so a click redraws only its own row (the
 * rows are memoized). A new run (`runId`) starts with none selected.
 */
export function useRowSelection(runId: string | undefined) {
  const [selected, setSelected] = useState<ReadonlySet<KeyHash>>(new Set());
  useEffect(() => setSelected(new Set()), [runId]);

  /** Ticks (`on`) or clears these rows, leaving the others as they are. */
  const onSelect = useCallback((hashes: readonly KeyHash[], on: boolean) => {
    setSelected((current) => {
      const next = new Set(current);
      for (const hash of hashes) {
        if (on) next.add(hash);
        else next.delete(hash);
      }
      return next;
    });
  }, []);

  return { selected, onSelect };
}

export type SelectRows = ReturnType<typeof useRowSelection>['onSelect'];
