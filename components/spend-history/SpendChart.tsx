import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { formatUsd } from '@/utils/format';
import { chartData, sampleWords } from '@/utils/spend-history/chart-data';
import type { SpendHistoryView } from '@/utils/spend-history/view';
import { alignedData, chartOptions, themeColors } from './chart-options';

const DARK = '(prefers-color-scheme: dark)';

/**
 * The key's spend over time (uPlot, on a canvas). Hovering, or the arrow keys once the chart has
 * the focus, reads a point out in words below it; the figure's caption says what is drawn. Drawn
 * again in the theme's colours when the system switches between light and dark.
 */
export function SpendChart({ history }: { history: SpendHistoryView }) {
  const host = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const [point, setPoint] = useState<number | null>(null);
  const [drawn, setDrawn] = useState(false);
  const [scheme, setScheme] = useState(() => matchMedia(DARK).matches);
  const data = useMemo(() => chartData(history.samples, history.reset), [history]);

  useEffect(() => {
    const media = matchMedia(DARK);
    const onChange = () => setScheme(media.matches);
    media.addEventListener('change', onChange);
    return () => media.removeEventListener('change', onChange);
  }, []);

  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const hooks = {
      onPoint: setPoint,
      onDrawn: () => {
        setDrawn(true);
        performance.mark('spend-chart-drawn');
      },
    };
    const made = new uPlot(
      chartOptions(data, element.clientWidth, themeColors(element), hooks),
      alignedData(data),
      element,
    );
    plot.current = made;
    const resize = new ResizeObserver(() => made.setSize({ width: element.clientWidth, height: 260 }));
    resize.observe(element);
    return () => {
      resize.disconnect();
      made.destroy();
      plot.current = null;
    };
  }, [data, scheme]);

  /** Arrow keys move the readout from point to point; Home and End go to the first and the last. */
  function onKeyDown(event: KeyboardEvent) {
    const u = plot.current;
    const count = data.x.length;
    if (!u || count === 0) return;
    const current = point ?? count - 1;
    const moves: Record<string, number> = { ArrowLeft: current - 1, ArrowRight: current + 1, Home: 0, End: count - 1 };
    const next = moves[event.key];
    if (next === undefined) return;
    event.preventDefault();
    showPoint(u, Math.min(count - 1, Math.max(0, next)));
  }

  function showPoint(u: uPlot, index: number) {
    const x = data.x[index];
    const y = data.y[index];
    if (x === undefined) return;
    // Without the hook: uPlot would read the nearest point under the cursor, which for points a
    // few seconds apart may be the neighbour; the keys step through every point.
    u.setCursor({ left: u.valToPos(x, 'x'), top: y == null ? 0 : u.valToPos(y, 'y') }, false);
    setPoint(index);
  }

  const sample = point === null ? undefined : history.samples[point];
  const lastLimit = history.samples.at(-1)?.limit ?? null;
  return (
    <figure class="spend-chart" data-drawn={drawn ? 'true' : undefined}>
      <figcaption class="spend-chart__caption">
        {data.label} over time
        {lastLimit === null ? '' : `, against the ${formatUsd(lastLimit)} limit (dashed line)`}
        {data.resets.length > 0 ? '; dotted lines mark the resets' : ''}. Times in UTC.
      </figcaption>
      <div
        ref={host}
        class="spend-chart__plot"
        tabIndex={0}
        role="group"
        aria-label={`Chart of ${data.label.toLowerCase()}: use the left and right arrow keys to read each point`}
        aria-describedby="spend-chart-readout"
        onKeyDown={onKeyDown}
        onFocus={() => plot.current && point === null && showPoint(plot.current, data.x.length - 1)}
      />
      <p id="spend-chart-readout" class="spend-chart__readout" aria-live="polite">
        {sample ? sampleWords(sample) : 'Point at the chart, or focus it and use the arrow keys, to read a point.'}
      </p>
    </figure>
  );
}
