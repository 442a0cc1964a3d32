// Display frames, counted on the display's own beat: goals such as "painted in the first frame
// after Enter" or "within 6 frames of the click" are counts of these, not milliseconds.
// Runs under plain `node`: erasable TypeScript only.

/**
 * The display's frame interval (ms) from consecutive requestAnimationFrame timestamps: the span
 * over the count, not a median of steps (Chromium rounds each timestamp to 0.1 ms, so single
 * steps read 16.6 or 16.7 at 60 Hz). NaN with fewer than two timestamps.
 */
export function frameInterval(timestamps: readonly number[]): number {
  if (timestamps.length < 2) return NaN;
  const first = timestamps[0] ?? NaN;
  const last = timestamps[timestamps.length - 1] ?? NaN;
  return (last - first) / (timestamps.length - 1);
}

export interface FrameStamps {
  /** A requestAnimationFrame timestamp taken shortly before the event: a point on the display's beat. */
  gridAt: number;
  /** The event (Enter, a click), same clock (performance.now()). */
  eventAt: number;
  /** When the frame showing the outcome had been painted (style, layout and paint done). */
  paintedAt: number;
  /** The display's frame interval, ms. */
  interval: number;
}

/**
 * In which display frame after the event's own the outcome was painted: 1 is the first frame that
 * begins after the event, 0 a frame that began before it but was produced after it. Each instant
 * is placed in its frame (the interval of the display's beat it falls in) and the frames are
 * subtracted. NaN when a stamp is missing.
 */
export function framesAfter({ gridAt, eventAt, paintedAt, interval }: FrameStamps): number {
  if (![gridAt, eventAt, paintedAt, interval].every(Number.isFinite) || interval <= 0) return NaN;
  const frameOf = (at: number) => Math.floor((at - gridAt) / interval);
  return frameOf(paintedAt) - frameOf(eventAt);
}
