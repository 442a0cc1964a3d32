import type { RunProgress } from '@/utils/scheduler/outcome';
import { progressLine } from '@/utils/bulk/progress-line';

export interface RunStatusProps {
  progress: RunProgress;
  running: boolean;
}

/** The progress bar and "120 of 500 · 3 errors · about 40 s left". */
export function RunStatus({ progress, running }: RunStatusProps) {
  const { done, total } = progress;
  return (
    <div class="bulk-progress">
      <progress
        id="bulk-progressbar"
        role="progressbar"
        aria-label="Lookups done"
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={done}
        max={total || 1}
        value={done}
      />
      <p class="bulk-progress__line" role="status">
        {progressLine(progress)}
        {!running && done < total ? ' · cancelled' : ''}
      </p>
    </div>
  );
}
