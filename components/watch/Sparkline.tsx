import { sparkPath } from '@/utils/spend-history/sparkline';

const WIDTH = 64;
const HEIGHT = 16;

/**
 * A watched key's spend over the last 14 days as a small line (inline SVG). Decorative: the row
 * says the figures in words, so it is hidden from assistive tools.
 */
export function Sparkline({ values }: { values: number[] }) {
  const points = sparkPath(values, WIDTH, HEIGHT);
  if (points === '') return null;
  return (
    <svg
      class="sparkline"
      width={WIDTH}
      height={HEIGHT}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      aria-hidden="true"
      focusable="false"
      data-points={values.length}
    >
      <polyline points={points} fill="none" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round" />
    </svg>
  );
}
