/**
 * The mock's rate limit: at most `perSecond` answers in any one-second window; beyond that the
 * API answers 429 with "Retry-After: 1", as a real limiter in front of the API does.
 */
export class RateWindow {
  private readonly times: number[] = [];
  readonly perSecond: number;

  constructor(perSecond: number) {
    this.perSecond = perSecond;
  }

  /** Whether a request arriving at `now` (ms) is let through; a request let through is counted. */
  allow(now: number): boolean {
    while (this.times.length > 0 && (this.times[0] ?? 0) <= now - 1000) this.times.shift();
    if (this.times.length >= this.perSecond) return false;
    this.times.push(now);
    return true;
  }
}
