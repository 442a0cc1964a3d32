/**
 * The rate an account's API lets through, learned from its 429s, so that a run keeps under it
 * instead of hitting it again each time its pause ends. A server that limits requests per second
 * answers all it allows, then 429: what it let through in the second before the 429 is its rate,
 * and requests spaced at that rate (a little slower) are not refused again. Forgotten after a
 * calm while, so a raised limit is found again.
 */

/** The span a limiter counts over: per second, as Retry-After counts. */
export const RATE_WINDOW_MS = 1000;
/** Spaced this much wider than the rate learned: requests reach the server unevenly. */
export const SPACING_MARGIN = 1.05;
/** Without a 429 this long, the learned rate is forgotten: the limit may have been raised. */
export const FORGET_AFTER_MS = 60_000;

export class LearnedSpacing {
  /** When each recent request was let go (ms), newest last; only the last window is kept. */
  private goes: number[] = [];
  /** The time to keep between two requests (ms); 0 until a 429 has taught it. */
  private spacingMs = 0;
  private lastGoAt = -Infinity;
  private learnedAt = -Infinity;

  /** A request is let go at `now`. */
  went(now: number): void {
    this.lastGoAt = now;
    this.goes.push(now);
    while ((this.goes[0] ?? now) <= now - RATE_WINDOW_MS) this.goes.shift();
  }

  /**
   * A 429 came at `now` with `inFlight` requests not answered yet (the refused one among them).
   * Those in flight may be refused too; those let go in the window before, and answered, got
   * through: that many per window is the rate. None through says nothing of the rate (others
   * used it up): nothing is learned. A later 429 only ever slows the pace.
   */
  limited(now: number, inFlight: number): void {
    const through = this.goes.filter((at) => at > now - RATE_WINDOW_MS).length - Math.max(0, inFlight);
    if (through <= 0) return;
    this.spacingMs = Math.max(this.spacingMs, (RATE_WINDOW_MS / through) * SPACING_MARGIN);
    this.learnedAt = now;
  }

  /** The earliest time (ms) the next request may go: `now` when nothing holds it. */
  nextAt(now: number): number {
    if (now - this.learnedAt > FORGET_AFTER_MS) this.spacingMs = 0;
    return Math.max(now, this.lastGoAt + this.spacingMs);
  }
}
