/**
 * The bulk page's requests, as the worker lets them out: at most `limit` in flight per account,
 * the others waiting their turn in order. The page keeps more lookups in flight than that, so the
 * next request is already waiting here when one ends, and the hop from the page to the worker no
 * longer sits between two requests. The gate also keeps what the page would have kept had the
 * request not been handed over yet:
 * - after a 429, an account's waiting requests are not sent before its pause ends, and then no
 *   faster than the rate the server let through (./learned-spacing.ts);
 * - a cancelled run's waiting requests (Cancel, or the page closed) are never sent.
 */
import { LearnedSpacing } from './learned-spacing';

export type Turn =
  | { kind: 'go' }
  /** The account is paused after a 429 until this time (ms): ask again then. */
  | { kind: 'paused'; untilMs: number }
  /** The run was cancelled: send nothing. */
  | { kind: 'cancelled' };

interface Waiter {
  run: string;
  let: (turn: Turn) => void;
}

interface AccountGate {
  inFlight: number;
  waiting: Waiter[];
  pausedUntil: number;
  /** The limit the latest request came with (the setting, read per request). */
  limit: number;
  spacing: LearnedSpacing;
  /** A wake-up is set for when the spacing lets the next waiting request go. */
  timed: boolean;
}

/** Cancelled runs remembered, so a message that arrives after its run's cancel sends nothing. */
const REMEMBERED_RUNS = 100;

export class RequestGate {
  private readonly accounts = new Map<string, AccountGate>();
  private readonly cancelled: string[] = [];

  constructor(
    private readonly now: () => number = () => Date.now(),
    /** Runs `wake` after `ms`: the system's timer, or a test's. */
    private readonly later: (ms: number, wake: () => void) => void = (ms, wake) => void setTimeout(wake, ms),
  ) {}

  /** Waits for a turn to send a request of `run` to `account`; a 'go' must be followed by `leave`. */
  enter(account: string, run: string, limit: number): Promise<Turn> {
    if (this.cancelled.includes(run)) return Promise.resolve({ kind: 'cancelled' });
    const gate = this.gateOf(account);
    gate.limit = limit;
    const waiting = new Promise<Turn>((resolve) => gate.waiting.push({ run, let: resolve }));
    this.release(gate);
    return waiting;
  }

  /** A request that had its turn has ended: the next one waiting goes. */
  leave(account: string, limit: number): void {
    const gate = this.gateOf(account);
    gate.inFlight = Math.max(0, gate.inFlight - 1);
    gate.limit = limit;
    this.release(gate);
  }

  /** A 429 (the request still counted in flight): the account's requests not sent yet wait until
   * `untilMs`, and then go no faster than the rate the server let through. */
  pause(account: string, untilMs: number): void {
    const gate = this.gateOf(account);
    gate.pausedUntil = Math.max(gate.pausedUntil, untilMs);
    gate.spacing.limited(this.now(), gate.inFlight);
  }

  /** Cancel, or the page closed: the run's waiting requests, and any that come later, send nothing. */
  cancel(run: string): void {
    if (!this.cancelled.includes(run)) this.cancelled.push(run);
    if (this.cancelled.length > REMEMBERED_RUNS) this.cancelled.shift();
    for (const gate of this.accounts.values()) {
      const [leaving, staying] = partition(gate.waiting, (waiter) => waiter.run === run);
      gate.waiting = staying;
      for (const waiter of leaving) waiter.let({ kind: 'cancelled' });
    }
  }

  /**
   * Gives the waiting requests their turns, in order, while the limit allows: each paused request
   * back at once; the next to go when the learned spacing allows, by a wake-up set for then.
   */
  private release(gate: AccountGate): void {
    while (gate.inFlight < Math.max(1, gate.limit) && gate.waiting.length > 0) {
      const now = this.now();
      const goAt = gate.spacing.nextAt(now);
      if (gate.pausedUntil <= now && goAt > now) {
        if (!gate.timed) {
          gate.timed = true;
          this.later(goAt - now, () => {
            gate.timed = false;
            this.release(gate);
          });
        }
        return;
      }
      gate.waiting.shift()?.let(this.turn(gate, now));
    }
  }

  private turn(gate: AccountGate, now: number): Turn {
    if (gate.pausedUntil > now) return { kind: 'paused', untilMs: gate.pausedUntil };
    gate.inFlight += 1;
    gate.spacing.went(now);
    return { kind: 'go' };
  }

  private gateOf(account: string): AccountGate {
    let gate = this.accounts.get(account);
    if (!gate) {
      gate = { inFlight: 0, waiting: [], pausedUntil: 0, limit: 1, spacing: new LearnedSpacing(), timed: false };
      this.accounts.set(account, gate);
    }
    return gate;
  }
}

function partition<T>(items: T[], test: (item: T) => boolean): [T[], T[]] {
  return [items.filter(test), items.filter((item) => !test(item))];
}
