import type { ApiKey } from '../../api-key';
import { kept } from '../../storage/background/items';
import { change, changeKept, readKept } from '../../storage/background/memory';
import { readWatchlist, sameKey } from '../../watch/background/watchlist';
import { sampleOf, thinSamples, withSample, type SpendSample } from '../samples';
import { capHistory, decodeSeries, encodeSeries, type StoredSeries } from '../stored';
import { sparkValues } from '../sparkline';

/** A key by hash and account: the history is kept per key and account, as the watchlist is. */
export interface KeyRef {
  hash: string;
  accountId: string;
}

/** An answer with a key: a sample of its spend, when the key is watched. */
export interface SpendAnswer extends KeyRef {
  key: ApiKey;
  /** ISO time the API answered. */
  fetchedAt: string;
}

type Step = (all: StoredSeries[]) => StoredSeries[];

// Answers come one by one (a check of 200 keys, a bulk run): those that come while a write is
// under way are written together in the next one, so the history, a few MB, is not rewritten per
// answer. `idle` settles once every answer given so far is written.
let pending: Step[] = [];
let writing: Promise<void> | null = null;
// recordSpend reads the watchlist before it queues: a read of the history waits for that too.
let recording: Promise<unknown> = Promise.resolve();

function enqueue(step: Step): Promise<void> {
  pending.push(step);
  writing ??= (async () => {
    while (pending.length > 0) {
      const steps = pending;
      pending = [];
      await changeKept(
        change(kept.spendHistory, (all) => capHistory(steps.reduce((next, apply) => apply(next), asList(all)))),
      ).catch(
        // A sample that could not be written is one point fewer on a chart; the next check adds another.
        () => undefined,
      );
    }
  })().finally(() => (writing = null));
  return writing;
}

const asList = (all: unknown): StoredSeries[] => (Array.isArray(all) ? (all as StoredSeries[]) : []);

/** Settles once every sample given so far is written. */
export async function historyWritten(): Promise<void> {
  await recording;
  await writing;
}

function addSamples(answers: readonly SpendAnswer[]): Step {
  return (all) => {
    const now = Date.now();
    const next = [...all];
    for (const answer of answers) {
      const at = new Date(answer.fetchedAt);
      const index = next.findIndex((series) => sameKey(series, answer));
      const earlier = index < 0 ? [] : decodeSeries(next[index] as StoredSeries);
      const samples = thinSamples(withSample(earlier, sampleOf(answer.key, at)), Math.max(now, at.getTime()));
      const series = encodeSeries(answer, answer.key.limit_reset ?? null, samples);
      if (index < 0) next.push(series);
      else next[index] = series;
    }
    return next;
  };
}

/**
 * Adds a sample for each answer whose key is watched; others are left out (the history is of
 * watched keys only). Resolves once written.
 */
export function recordSpend(answers: readonly SpendAnswer[]): Promise<void> {
  if (answers.length === 0) return Promise.resolve();
  const done = (async () => {
    const watched = await readWatchlist();
    const kept = answers.filter((answer) => watched.some((entry) => sameKey(entry, answer)));
    if (kept.length > 0) await enqueue(addSamples(kept));
  })();
  // Only the order matters here: the caller gets this recording's own failure through `done`.
  recording = Promise.all([recording, done.catch(() => undefined)]);
  return done;
}

/** Adds samples whether or not the key is watched yet: the first one, as a key starts being watched. */
export function recordFirstSpend(answer: SpendAnswer): Promise<void> {
  return enqueue(addSamples([answer]));
}

/** A key's history, oldest first, once every sample given so far is written; empty when there is none. */
export async function readSpendHistory(ref: KeyRef): Promise<{ samples: SpendSample[]; reset: string | null }> {
  await historyWritten();
  const series = asList(await readKept(kept.spendHistory)).find((s) => sameKey(s, ref));
  return series ? { samples: decodeSeries(series), reset: series.reset } : { samples: [], reset: null };
}

/** Each key's sparkline values (utils/spend-history/sparkline.ts), by `accountId/hash`. */
export async function readSparklines(now: Date): Promise<Map<string, number[]>> {
  await historyWritten();
  const all = asList(await readKept(kept.spendHistory));
  return new Map(all.map((s) => [`${s.accountId}/${s.hash}`, sparkValues(decodeSeries(s), now.getTime())]));
}

/** Forgets the history of the keys that match (one key, or every key of a removed account). */
export function forgetSpendHistory(matches: (series: StoredSeries) => boolean): Promise<void> {
  return enqueue((all) => all.filter((series) => !matches(series)));
}
