/**
 * Runs many lookups politely: the bulk page's run and the watchlist's checks. Each account has
 * its own queue, so one account's 429 or rejected key never holds up another; no item is asked
 * twice once it has an answer; Cancel leaves what was found. Time, sleep and chance come in as a
 * clock so the rules are tested on a fake one.
 */
import { AccountPacing, clampConcurrency, SYSTEM_CLOCK, type RunClock } from './pacing';
import type { Answer, Outcome, RunItem, RunProgress } from './outcome';

export interface RunOptions<T extends RunItem, R, E> {
  items: readonly T[];
  /** Must not throw: a throw is a bug, and ends the run with it. */
  lookup: (item: T, signal: AbortSignal) => Promise<Outcome<R, E>>;
  /** Answers from an earlier run (a resumed or "Retry failed" run): those items are not asked. */
  answers?: ReadonlyMap<string, Answer<R, E>>;
  /** Requests in flight per account: 1–8, default 4. */
  concurrency?: number;
  /** Lookups handed over per account beyond `concurrency`, to a transport that keeps that limit
   * itself (utils/scheduler/request-gate.ts), so the next request waits there. Default 0. */
  ahead?: number;
  /** Cancel: no new item starts, those in flight are aborted, and the run ends at once. */
  signal?: AbortSignal;
  onAnswer?: (item: T, answer: Answer<R, E>) => void;
  onProgress?: (progress: RunProgress) => void;
  clock?: Partial<RunClock>;
}

export interface RunResult<R, E> {
  answers: Map<string, Answer<R, E>>;
  cancelled: boolean;
}

interface AccountQueue<T> {
  /** Items answered 429, asked again first and in their order. */
  retry: T[];
  waiting: T[];
  inFlight: number;
  pacing: AccountPacing;
  /** A wake-up is set for the end of the pause. */
  sleeping: boolean;
}

/** This run's distinct items, and a queue per account of those without an answer yet. */
function queueByAccount<T extends RunItem>(items: readonly T[], answers: ReadonlyMap<string, unknown>, full: number) {
  const queues = new Map<string, AccountQueue<T>>();
  const ids = new Set<string>();
  for (const item of items) {
    if (ids.has(item.id)) continue;
    ids.add(item.id);
    if (answers.has(item.id)) continue;
    let queue = queues.get(item.account);
    if (!queue) {
      queue = { retry: [], waiting: [], inFlight: 0, pacing: new AccountPacing(full), sleeping: false };
      queues.set(item.account, queue);
    }
    queue.waiting.push(item);
  }
  return { queues, ids };
}

export function runLookups<T extends RunItem, R, E>(options: RunOptions<T, R, E>): Promise<RunResult<R, E>> {
  const clock: RunClock = { ...SYSTEM_CLOCK, ...options.clock };
  const full = clampConcurrency(options.concurrency) + Math.max(0, Math.round(options.ahead ?? 0));
  const answers = new Map(options.answers);
  const controller = new AbortController();
  const { queues, ids } = queueByAccount(options.items, answers, full);
  const startedAt = clock.now();
  // Counted over this run's items only: earlier answers may hold rows that are not in it.
  const earlier = [...ids].flatMap((id) => answers.get(id) ?? []);
  let done = earlier.length;
  let errors = earlier.filter((answer) => answer.kind === 'failed').length;
  let answeredNow = 0;

  return new Promise((resolve, reject) => {
    let finished = false;
    const stop = () => {
      finished = true;
      controller.abort();
      options.signal?.removeEventListener('abort', finish);
    };
    const finish = () => {
      if (finished) return;
      stop();
      resolve({ answers, cancelled: options.signal?.aborted === true });
    };
    const fail = (error: unknown) => {
      if (finished) return;
      stop();
      reject(error instanceof Error ? error : new Error(String(error)));
    };
    if (options.signal?.aborted) return finish();
    options.signal?.addEventListener('abort', finish, { once: true });

    const progress = () => {
      const elapsed = clock.now() - startedAt;
      const etaMs = answeredNow === 0 ? null : Math.round(((ids.size - done) * elapsed) / answeredNow);
      options.onProgress?.({ done, errors, total: ids.size, etaMs });
    };
    const record = (item: T, answer: Answer<R, E>) => {
      answers.set(item.id, answer);
      answeredNow += 1;
      done += 1;
      if (answer.kind === 'failed') errors += 1;
      options.onAnswer?.(item, answer);
    };

    const pump = (queue: AccountQueue<T>) => {
      if (finished) return;
      const wait = queue.pacing.pausedUntil - clock.now();
      if (wait > 0) {
        if (queue.sleeping) return;
        queue.sleeping = true;
        clock.sleep(wait, controller.signal).then(
          () => {
            queue.sleeping = false;
            pump(queue);
          },
          () => undefined,
        );
        return;
      }
      while (queue.inFlight < queue.pacing.limit) {
        const item = queue.retry.shift() ?? queue.waiting.shift();
        if (item === undefined) break;
        start(queue, item);
      }
      if ([...queues.values()].every((q) => q.inFlight + q.retry.length + q.waiting.length === 0)) finish();
    };

    const start = (queue: AccountQueue<T>, item: T) => {
      queue.inFlight += 1;
      const seq = queue.pacing.started();
      Promise.resolve()
        .then(() => options.lookup(item, controller.signal))
        .then((outcome) => settle(queue, item, seq, outcome))
        .catch(fail);
    };

    const settle = (queue: AccountQueue<T>, item: T, seq: number, outcome: Outcome<R, E>) => {
      queue.inFlight -= 1;
      if (finished) return;
      const now = clock.now();
      switch (outcome.kind) {
        case 'done':
          record(item, { kind: 'done', value: outcome.value });
          queue.pacing.answered(now);
          break;
        case 'failed':
          record(item, { kind: 'failed', error: outcome.error });
          queue.pacing.answered(now);
          break;
        case 'key_rejected':
          record(item, { kind: 'failed', error: outcome.error });
          for (const rest of [...queue.retry.splice(0), ...queue.waiting.splice(0)]) {
            record(rest, { kind: 'failed', error: outcome.error });
          }
          break;
        case 'rate_limited':
          queue.retry.push(item);
          queue.pacing.rateLimited(seq, outcome.retryAfterMs, now, clock.random());
          break;
      }
      progress();
      pump(queue);
    };

    progress();
    if (queues.size === 0) return finish();
    for (const queue of queues.values()) pump(queue);
  });
}
