// A message's way through a worker, from the probe's records (./worker-probe.ts): how long from
// its arrival to its fetch, the fetch itself, from the response to the reply, and the storage
// calls made before the reply and after it. Pure: no browser.
// Runs under plain `node`: erasable TypeScript only.
import type { Probe, ProbedMessage, ProbedStorage } from './worker-probe.ts';

export interface StorageUse {
  calls: number;
  /** Summed durations; calls that overlap count each, so this can exceed the wall time. */
  ms: number;
  names: string[];
}

export interface WorkerSteps {
  /** Arrival → the reply handed to Chrome: everything the worker did for this message. */
  handlingMs: number | null;
  /** Arrival → the fetch sent: checks, reads, waiting for a turn. */
  toFetchMs: number | null;
  /** Fetch sent → its response (status and headers). */
  fetchMs: number | null;
  /** Response → the reply handed over: body, parsing, merging. */
  afterFetchMs: number | null;
  /** Storage calls begun between arrival and the reply. */
  beforeReply: StorageUse;
  /** Storage calls begun after the reply, up to the next message of the same type. */
  afterReply: StorageUse;
}

const span = (from: number | null, to: number | null) => (from === null || to === null ? null : to - from);

function storageUse(calls: ProbedStorage[]): StorageUse {
  return {
    calls: calls.length,
    ms: calls.reduce((sum, call) => sum + ((call.endAt ?? call.startAt) - call.startAt), 0),
    names: calls.map((call) => call.name),
  };
}

/** The steps of `message`, given the worker's storage calls and when the next message of its kind came. */
export function stepsOf(message: ProbedMessage, storage: readonly ProbedStorage[], nextAt = Infinity): WorkerSteps {
  const replied = message.repliedAt ?? Infinity;
  const between = (from: number, to: number) => storage.filter((call) => call.startAt >= from && call.startAt < to);
  return {
    handlingMs: span(message.receivedAt, message.repliedAt),
    toFetchMs: span(message.receivedAt, message.fetchAt),
    fetchMs: span(message.fetchAt, message.fetchedAt),
    afterFetchMs: span(message.fetchedAt, message.repliedAt),
    beforeReply: storageUse(between(message.receivedAt, replied)),
    afterReply: storageUse(message.repliedAt === null ? [] : between(message.repliedAt, nextAt)),
  };
}

/** The steps of the first message of `type` in the records (the one a lookup sent), or null. */
export function firstSteps(probe: Probe | null, type: string): WorkerSteps | null {
  if (!probe) return null;
  const ofType = probe.messages.filter((message) => message.type === type);
  const [first, second] = ofType;
  return first ? stepsOf(first, probe.storage, second?.receivedAt) : null;
}

/** The steps of every answered message of `type`, each up to the next one's arrival. */
export function allSteps(probe: Probe | null, type: string): WorkerSteps[] {
  if (!probe) return [];
  const ofType = probe.messages.filter((message) => message.type === type);
  return ofType.map((message, index) => stepsOf(message, probe.storage, ofType[index + 1]?.receivedAt));
}
