import { formatDurationRounded, formatUtc } from '@/utils/format';
import { runsOutAt, type RowView } from '@/utils/bulk/row';

/**
 * The "Runs out" column: when a key on pace to reach its limit before the reset gets there
 * ("⚠ In about 3 h", the exact time as a tooltip), or why there is no such time, in words.
 */
export function RunsOutCell({ view }: { view: RowView }) {
  const { pace, viewedAt: now } = view;
  const at = runsOutAt(view);
  if (at !== null && view.filters.has('runs_out')) {
    const left = at.getTime() - now.getTime();
    return (
      <span class="bulk-runs-out" title={`At this pace the limit is reached ${formatUtc(at)}`}>
        <span aria-hidden="true">⚠</span> {left <= 0 ? 'About now' : `In about ${formatDurationRounded(left)}`}
      </span>
    );
  }
  if (pace === null) return <>—</>;
  switch (pace.kind) {
    case 'projected':
      return <>Not before the reset</>;
    case 'too_early':
      return <>Too early to say</>;
    case 'no_spend':
      return <>No spend yet</>;
    case 'reached':
      return <>Reached</>;
  }
}
