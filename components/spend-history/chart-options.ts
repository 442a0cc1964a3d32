import uPlot from 'uplot';
import { formatUsdShort } from '@/utils/format';
import type { ChartData } from '@/utils/spend-history/chart-data';

/** The theme's colours (assets/theme.css), read when the chart is drawn: light or dark. */
export interface ChartColors {
  line: string;
  limit: string;
  reset: string;
  text: string;
  grid: string;
}

export function themeColors(element: Element): ChartColors {
  const style = getComputedStyle(element);
  const color = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    line: color('--accent', '#1f5fbf'),
    limit: color('--danger-text', '#8a1c1c'),
    reset: color('--muted', '#55555f'),
    text: color('--text', '#1a1a1f'),
    grid: color('--border', '#d6d6dd'),
  };
}

/** Each reset as a dotted vertical line across the plot, drawn under the series. */
function drawResets(resets: readonly number[], color: string) {
  return (u: uPlot) => {
    const { ctx, bbox } = u;
    ctx.save();
    ctx.strokeStyle = color;
    ctx.lineWidth = devicePixelRatio;
    ctx.setLineDash([2 * devicePixelRatio, 3 * devicePixelRatio]);
    for (const reset of resets) {
      const x = Math.round(u.valToPos(reset, 'x', true));
      if (x < bbox.left || x > bbox.left + bbox.width) continue;
      ctx.beginPath();
      ctx.moveTo(x, bbox.top);
      ctx.lineTo(x, bbox.top + bbox.height);
      ctx.stroke();
    }
    ctx.restore();
  };
}

export interface ChartHooks {
  /** The cursor moved to a point (its index), or left the chart (null). */
  onPoint: (index: number | null) => void;
  /** The chart has been drawn. */
  onDrawn: () => void;
}

/**
 * uPlot's options: times on a UTC axis, dollars on the other, the spend as a line with its
 * points, the limit as a dashed stepped line, and the resets marked.
 */
export function chartOptions(data: ChartData, width: number, colors: ChartColors, hooks: ChartHooks): uPlot.Options {
  const axis = {
    stroke: colors.text,
    grid: { stroke: colors.grid, width: 1 },
    ticks: { stroke: colors.grid, width: 1 },
  };
  const series: uPlot.Series[] = [
    {},
    { label: data.label, stroke: colors.line, width: 2, points: { show: true, size: 5, fill: colors.line } },
  ];
  if (data.limit !== null)
    series.push({ label: 'Limit', stroke: colors.limit, width: 1.5, dash: [6, 4], points: { show: false } });
  return {
    width,
    height: 260,
    legend: { show: false },
    // Times are UTC everywhere on the card, so the axis is too.
    tzDate: (seconds) => uPlot.tzDate(new Date(seconds * 1000), 'Etc/UTC'),
    scales: { x: { time: true }, y: { range: (_u, min, max) => [0, Math.max(max * 1.1, 1, min)] } },
    axes: [axis, { ...axis, size: 64, values: (_u, splits) => splits.map((v) => formatUsdShort(v)) }],
    cursor: { drag: { x: false, y: false }, points: { size: 9 } },
    series,
    hooks: {
      drawClear: [drawResets(data.resets, colors.reset)],
      draw: [hooks.onDrawn],
      setCursor: [(u) => hooks.onPoint(u.cursor.idx ?? null)],
    },
  };
}

/** The data as uPlot takes it: x, then each series. */
export function alignedData(data: ChartData): uPlot.AlignedData {
  return data.limit === null ? [data.x, data.y] : [data.x, data.y, data.limit];
}
