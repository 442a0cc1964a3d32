import type { SpendSample } from './samples';

/** A key's spend history as the card page shows it: the samples and what labels them. */
export interface SpendHistoryView {
  hash: string;
  /** The key's name at its last check, for the chart's label and the file; null when unknown. */
  name: string | null;
  /** The account's name, only when there are several. */
  account?: string;
  /** Whether the key is watched now (a history kept after un-watching is shown too). */
  watching: boolean;
  /** The key's reset period ("daily", "weekly", "monthly") at its last sample: the chart marks resets. */
  reset: string | null;
  /** Oldest first. */
  samples: SpendSample[];
}
