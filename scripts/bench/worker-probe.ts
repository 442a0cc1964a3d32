// What the bench records inside a service worker, ours and the reference's alike: a few lines put
// before the worker's own script in the bench's copies (never in the shipped build), that stamp
// when the script started and finished evaluating, when each message arrived, when its fetch was
// sent and answered and when its reply left, and every chrome.storage call. All in the worker's
// performance.now() ms; the figures compared are spans within one clock.
// Runs under plain `node`: erasable TypeScript only.
import type { Worker } from 'playwright-core';

export interface ProbedMessage {
  /** The message's type: ours `{ type, data }` (webext-core messaging), the reference's `{ type, hash }`. */
  type: string;
  /** The hash it asks about, when it names one. */
  hash: string | null;
  receivedAt: number;
  /** The first fetch of a URL that ends with that hash, after the message arrived. */
  fetchAt: number | null;
  /** Its response (status and headers) arrived. */
  fetchedAt: number | null;
  /** The reply was handed to Chrome (the listener's sendResponse). */
  repliedAt: number | null;
}

export interface ProbedStorage {
  /** e.g. `local.get`. */
  name: string;
  startAt: number;
  endAt: number | null;
}

export interface Probe {
  /** The worker's performance.timeOrigin (epoch ms), to compare with the pages' wall clocks. */
  timeOrigin: number;
  /** The first line of the worker's script ran. */
  startedAt: number;
  /** Its last line ran: everything the script does at its top level is done. */
  evaluatedAt: number | null;
  messages: ProbedMessage[];
  storage: ProbedStorage[];
}

/** Kept records, oldest dropped first: a 5,000-row run must not grow the worker without end. */
const KEEP = 20_000;

type Listener = (message: unknown, sender: unknown, reply: (answer: unknown) => void) => unknown;
type Call = (...args: unknown[]) => unknown;
/** The parts of the worker's `chrome` the probe wraps: its messages and its storage calls. */
interface ProbedChrome {
  runtime: { onMessage: { addListener: (listener: Listener) => unknown } };
  storage: Record<string, Record<string, Call>>;
}

/**
 * The prelude, handed the worker's `chrome`. Serialised with Function.prototype.toString, so it must not refer to anything
 * outside itself (KEEP is passed in).
 */
export function workerProbe(chrome: ProbedChrome, keep: number): void {
  const probe: Probe = {
    timeOrigin: performance.timeOrigin,
    startedAt: performance.now(),
    evaluatedAt: null,
    messages: [],
    storage: [],
  };
  Object.defineProperty(globalThis, '__benchProbe', { value: probe });
  const trim = (list: unknown[]) => {
    if (list.length > keep) list.splice(0, list.length - keep);
  };

  const seen = new WeakMap<object, ProbedMessage>();
  const recordOf = (message: unknown): ProbedMessage | undefined => {
    if (typeof message !== 'object' || message === null) return undefined;
    let record = seen.get(message);
    if (!record) {
      const { type, data, hash } = message as { type?: unknown; data?: { hash?: unknown }; hash?: unknown };
      const named = typeof hash === 'string' ? hash : typeof data?.hash === 'string' ? data.hash : null;
      record = {
        type: String(type),
        hash: named,
        receivedAt: performance.now(),
        fetchAt: null,
        fetchedAt: null,
        repliedAt: null,
      };
      seen.set(message, record);
      probe.messages.push(record);
      trim(probe.messages);
    }
    return record;
  };
  const onMessage = chrome.runtime.onMessage;
  const addListener = onMessage.addListener.bind(onMessage);
  onMessage.addListener = (listener: Listener) =>
    addListener((message: unknown, sender: unknown, reply: (answer: unknown) => void) => {
      const record = recordOf(message);
      return listener(message, sender, (answer: unknown) => {
        if (record && record.repliedAt === null) record.repliedAt = performance.now();
        reply(answer);
      });
    });

  const originalFetch = globalThis.fetch.bind(globalThis);
  globalThis.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const at = performance.now();
    let record: ProbedMessage | undefined;
    for (let i = probe.messages.length - 1; i >= 0 && !record; i--) {
      const candidate = probe.messages[i];
      if (candidate?.hash && candidate.fetchAt === null && url.endsWith(`/${candidate.hash}`)) record = candidate;
    }
    if (record) record.fetchAt = at;
    const response = originalFetch(input, init);
    if (record) {
      const stamped = record;
      response.then(
        () => (stamped.fetchedAt = performance.now()),
        () => (stamped.fetchedAt = performance.now()),
      );
    }
    return response;
  };

  for (const areaName of ['local', 'session', 'sync']) {
    const area = chrome.storage[areaName];
    if (!area) continue;
    for (const method of ['get', 'set', 'remove']) {
      const original = area[method];
      if (typeof original !== 'function') continue;
      area[method] = function (this: unknown, ...args: unknown[]) {
        const call: ProbedStorage = { name: `${areaName}.${method}`, startAt: performance.now(), endAt: null };
        probe.storage.push(call);
        trim(probe.storage);
        const done = () => {
          call.endAt = performance.now();
        };
        const last = args.at(-1);
        if (typeof last === 'function') {
          args[args.length - 1] = (...reply: unknown[]) => {
            done();
            return (last as Call)(...reply);
          };
          return original.apply(this, args);
        }
        const result = original.apply(this, args);
        if (result instanceof Promise) result.then(done, done);
        return result;
      };
    }
  }
}

/** The lines put before a worker script, and after it. */
export function probeWrapping(): { before: string; after: string } {
  return {
    before: `(${workerProbe.toString()})(globalThis.chrome, ${KEEP});\n`,
    after: `\n;globalThis.__benchProbe.evaluatedAt = performance.now();\n`,
  };
}

/**
 * Takes the worker's records: every message and storage call since the last take (they are
 * removed, so the next take holds only what came after). Null when the worker cannot be asked.
 */
export async function takeProbe(worker: Worker | undefined): Promise<Probe | null> {
  if (!worker) return null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // A worker stopped under our feet never answers an evaluate: give up on it rather than wait.
  const gaveUp = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), 3000);
  });
  const taken = worker
    .evaluate(() => {
      const probe = (globalThis as unknown as { __benchProbe?: Probe }).__benchProbe;
      if (!probe) return null;
      return { ...probe, messages: probe.messages.splice(0), storage: probe.storage.splice(0) };
    })
    .catch(() => null);
  return Promise.race([taken, gaveUp]).finally(() => clearTimeout(timer));
}
