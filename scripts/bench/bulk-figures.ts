// Figures of a bulk run read off the mock's log, and of the page's progress line. Pure: no browser.
// Runs under plain `node`: erasable TypeScript only.

/**
 * For each request after the first `concurrency`: how long after the answer that freed its turn
 * it arrived, in ms. With `concurrency` requests in flight and every answer taking `latencyMs`,
 * request i takes the turn of request i − concurrency, whose answer left at its arrival plus
 * `latencyMs`; what passes between that answer and request i is the cost of one answer outside
 * the server: the network stack, the worker, the page and back. Arrivals in any order.
 */
export function turnGaps(arrivals: readonly number[], concurrency: number, latencyMs: number): number[] {
  const sorted = [...arrivals].sort((a, b) => a - b);
  return sorted.slice(concurrency).map((at, i) => at - ((sorted[i] ?? NaN) + latencyMs));
}

/** The numbers of "120 of 500 · …", the progress line's start; null when it does not start so. */
export function progressCounts(line: string): { done: number; total: number } | null {
  const match = /^([\d,]+) of ([\d,]+)/.exec(line.trim());
  if (!match) return null;
  const number = (text: string | undefined) => Number((text ?? '').replace(/,/g, ''));
  return { done: number(match[1]), total: number(match[2]) };
}

/** A frame over 50 ms, in ms: all of it, its scripts' part and its rendering (style, layout, paint). */
export interface LongFrame {
  ms: number;
  scriptMs: number;
  renderMs: number;
}

/** The `count` longest of `items` by `ms`, each as `say` puts it, comma-separated; "none" for none. */
export function longestFirst<T>(
  items: readonly T[],
  ms: (item: T) => number,
  say: (item: T) => string,
  count: number,
): string {
  return (
    [...items]
      .sort((a, b) => ms(b) - ms(a))
      .slice(0, count)
      .map(say)
      .join(', ') || 'none'
  );
}

/** "53 (script 2, rendering 48), …", longest first, at most `count` of them; "none" for none. */
export function longFramesLine(frames: readonly LongFrame[], count = 6): string {
  const whole = (value: number) => value.toFixed(0);
  return longestFirst(
    frames,
    (f) => f.ms,
    (f) => `${whole(f.ms)} (script ${whole(f.scriptMs)}, rendering ${whole(f.renderMs)})`,
    count,
  );
}
