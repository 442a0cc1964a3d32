import type { BadgeTone } from '../card/badges';
import type { KeyHash } from '../hash-input';
import type { MergedLookup } from './account-answers';

/** A history entry as the popup lists it. The worker maps its stored entries to these. */
export interface HistoryItem {
  hash: string;
  /** The account the key was found in. */
  accountId: string;
  name: string | null;
  status: { text: string; tone: BadgeTone };
  /** ISO time of the lookup. */
  at: string;
  /** The account's name, only when there are several accounts. */
  account?: string;
}

/** A right-click lookup the popup has not shown yet. */
export interface UnseenLookup {
  /** null when the selected text held no single hash (see `choices` and `result`). */
  hash: KeyHash | null;
  /** Several hashes in the selected text: the popup asks which one. */
  choices?: KeyHash[];
  /** null when the worker stopped before it was answered: the popup says it was interrupted. */
  result: MergedLookup | null;
}
