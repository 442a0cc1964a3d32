import type { MergedLookup } from './account-answers';
import type { KeyHash } from '../hash-input';

export type FoundLookup = Extract<MergedLookup, { ok: true }>;

/** A key the worker has recently answered for: shown at once when looked up again. */
export interface RecentAnswer {
  hash: KeyHash;
  result: FoundLookup;
}

/**
 * The answers a page has seen (or was handed as it opened), kept only while the cache setting
 * says they are fresh: a repeated lookup shows one in the same frame, marked as cached, while the
 * worker is asked for a fresh one. Never a management key: only what the card already shows.
 */
export class RecentAnswers {
  private readonly answers = new Map<KeyHash, FoundLookup>();

  constructor(private cacheSeconds = 0) {}

  /** What the worker said as the page opened: its fresh cached answers and the cache's lifetime. */
  adopt(recent: readonly RecentAnswer[], cacheSeconds: number): void {
    this.cacheSeconds = cacheSeconds;
    for (const { hash, result } of recent) this.answers.set(hash, result);
  }

  /** Remembers an answer with a key found once every account has answered; a key found nowhere
   * now is forgotten. A failure (a timeout, a 429) changes nothing: the key was not said gone. */
  remember(hash: KeyHash, result: MergedLookup): void {
    if (result.ok) {
      if (!result.pending) this.answers.set(hash, { ok: true, found: result.found });
    } else if (result.error.kind === 'not_found' || result.error.kind === 'not_in_accounts') this.forget(hash);
  }

  forget(hash: KeyHash): void {
    this.answers.delete(hash);
  }

  /** The answer for `hash` if every card in it is younger than the cache's lifetime, as cached. */
  fresh(hash: KeyHash, now: Date): FoundLookup | null {
    const known = this.answers.get(hash);
    if (!known || this.cacheSeconds <= 0) return null;
    const young = known.found.every(({ fetchedAt }) => {
      const age = now.getTime() - Date.parse(fetchedAt);
      return age >= 0 && age < this.cacheSeconds * 1000;
    });
    return young ? { ...known, cached: true } : null;
  }
}
