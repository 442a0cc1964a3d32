import type { AccountAnswer } from '@/utils/bulk-answers';
import { isKeyHash, type KeyHash } from '@/utils/hash-input';
import type { AccountRef } from '@/utils/lookup-error';

/** The last run of this tab, kept for a reload: hashes, accounts and answers, never a key. */
export interface SavedRun {
  ranAt: string;
  accounts: AccountRef[];
  hashes: KeyHash[];
  answers: [string, AccountAnswer][];
}

const SLOT = 'modelgates-bulk-run';

/** The tab's session storage: it lasts as long as the tab, through reloads, and no longer. */
export function saveRun(run: SavedRun): void {
  try {
    sessionStorage.setItem(SLOT, JSON.stringify(run));
  } catch {
    // Too large for the quota: a reload then starts empty, and nothing else changes.
    sessionStorage.removeItem(SLOT);
  }
}

export function loadRun(): SavedRun | null {
  try {
    const run = JSON.parse(sessionStorage.getItem(SLOT) ?? 'null') as Partial<SavedRun> | null;
    if (!run || typeof run.ranAt !== 'string' || !Array.isArray(run.accounts)) return null;
    if (!Array.isArray(run.hashes) || !run.hashes.every(isKeyHash) || !Array.isArray(run.answers)) return null;
    return run as SavedRun;
  } catch {
    return null;
  }
}
