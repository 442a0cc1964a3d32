/**
 * The bulk page's requests, as the worker lets them out: at most `limit` in flight per account,
 * the others waiting their turn in order. The page keeps more lookups in flight than that, so the
 * next request is already waiting here when one ends, and the hop from the page to the worker no
 * longer sits between two requests. The gate also keeps what the page would have kept had the
 * request not been handed over yet:
 * - after a 429, an account's waiting requests are not sent before its pause ends;
 * - a cancelled run's waiting requests (Cancel, or the page closed) are never sent.
 */
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
}

/** Cancelled runs remembered, so a message that arrives after its run's cancel sends nothing. */
const REMEMBERED_RUNS = 100;

export class RequestGate {
  private readonly accounts = new Map<string, AccountGate>();
  private readonly cancelled: string[] = [];

  constructor(private readonly now: () => number = () => Date.now()) {}

  /** Waits for a turn to send a request of `run` to `account`; a 'go' must be followed by `leave`. */
  enter(account: string, run: string, limit: number): Promise<Turn> {
    if (this.cancelled.includes(run)) return Promise.resolve({ kind: 'cancelled' });
    const gate = this.gateOf(account);
    if (gate.inFlight < Math.max(1, limit) && gate.waiting.length === 0) return Promise.resolve(this.turn(gate));
    return new Promise((resolve) => gate.waiting.push({ run, let: resolve }));
  }

  /** A request that had its turn has ended: the next one waiting goes. */
  leave(account: string, limit: number): void {
    const gate = this.gateOf(account);
    gate.inFlight = Math.max(0, gate.inFlight - 1);
    while (gate.inFlight < Math.max(1, limit)) {
      const next = gate.waiting.shift();
      if (!next) break;
      next.let(this.turn(gate));
    }
  }

  /** A 429: the account's requests not sent yet wait until `untilMs`. */
  pause(account: string, untilMs: number): void {
    const gate = this.gateOf(account);
    gate.pausedUntil = Math.max(gate.pausedUntil, untilMs);
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

  private turn(gate: AccountGate): Turn {
    if (gate.pausedUntil > this.now()) return { kind: 'paused', untilMs: gate.pausedUntil };
    gate.inFlight += 1;
    return { kind: 'go' };
  }

  private gateOf(account: string): AccountGate {
    let gate = this.accounts.get(account);
    if (!gate) this.accounts.set(account, (gate = { inFlight: 0, waiting: [], pausedUntil: 0 }));
    return gate;
  }
}

function partition<T>(items: T[], test: (item: T) => boolean): [T[], T[]] {
  return [items.filter(test), items.filter((item) => !test(item))];
}
