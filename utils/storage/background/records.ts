import type { ApiKey } from '../../api-key';
import type { BadgeTone } from '../../card/badges';
import type { KeyHash } from '../../hash-input';
import type { MergedLookup } from '../../lookup/account-answers';
import type { WatchState } from '../../watch/alerts';

// The shapes of the records the worker stores (./items.ts declares the items). Pages never see
// these: the worker maps them to each feature's view types.

export interface LastLookup {
  /** null when the selected text held no single hash (see `choices` and `result`). */
  hash: KeyHash | null;
  /** Several hashes in the selected text: the popup asks which one. */
  choices?: KeyHash[];
  /** null while the lookup is still in flight; with `pending` while slower accounts still answer. */
  result: MergedLookup | null;
  /** ISO time the lookup started. */
  startedAt: string;
  source: 'popup' | 'context_menu' | 'omnibox' | 'panel';
  /** Set once the popup has shown it, so an old result does not greet the next opening. */
  seen: boolean;
}

export interface CachedKey {
  /** The account that answered with this key. */
  accountId: string;
  hash: string;
  key: ApiKey;
  /** ISO time the API answered. */
  fetchedAt: string;
}

export interface HistoryEntry {
  hash: string;
  /** The account the key was found in. */
  accountId: string;
  name: string | null;
  status: { text: string; tone: BadgeTone };
  /** ISO time of the lookup. */
  at: string;
}

/** One watched key: which hash in which account, and what its last good check found. */
export interface WatchEntry {
  hash: string;
  accountId: string;
  /** ISO time the user chose to watch it. */
  addedAt: string;
  /**
   * The last good check (name, status, expiry, limit and what is left of it: no other usage
   * figures, never a key), when checks were tried, and the alerts already raised. The alerts are
   * stored with the state, so a restarted worker never raises one again.
   */
  state: WatchState;
}
