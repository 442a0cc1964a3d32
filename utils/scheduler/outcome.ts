/**
 * What a run of many lookups deals in (utils/scheduler/scheduler.ts runs them): the items, what a
 * lookup came to, the answers kept, and the progress shown.
 */
/** What one lookup came to, as the caller's transport reports it. */
export type Outcome<R, E> =
  /** A final answer, including "not found". */
  | { kind: 'done'; value: R }
  /** 429: the account pauses, then this item is asked again. */
  | { kind: 'rate_limited'; retryAfterMs?: number }
  /** 401: this item and the account's remaining ones fail with `error`. */
  | { kind: 'key_rejected'; error: E }
  /** Already retried once by the transport: the item is marked failed. */
  | { kind: 'failed'; error: E };

export type Answer<R, E> = { kind: 'done'; value: R } | { kind: 'failed'; error: E };

export interface RunItem {
  /** Unique per item: answers are kept by it. */
  id: string;
  /** Items of one account share its queue, its concurrency and its pauses. */
  account: string;
}

export interface RunProgress {
  /** Items with an answer, failed ones included. */
  done: number;
  errors: number;
  total: number;
  /** Time left at the throughput seen so far in this run; null before the first answer. */
  etaMs: number | null;
}

/** "Retry failed": the answers to keep, so that only the failed items are asked again. */
export function withoutFailures<R, E>(answers: ReadonlyMap<string, Answer<R, E>>): Map<string, Answer<R, E>> {
  return new Map([...answers].filter(([, answer]) => answer.kind === 'done'));
}
