import type { AccountAnswer } from '@/utils/bulk/answers';
import { isKeyHash, type KeyHash } from '@/utils/hash-input';
import type { AccountRef } from '@/utils/lookup/lookup-error';

/** The last run of this tab, kept for a reload: hashes, accounts and answers, never a key. */
export interface SavedRun {
  ranAt: string;
  accounts: AccountRef[];
  hashes: KeyHash[];
  answers: [string, AccountAnswer][];
}

type RunHead = Omit<SavedRun, 'answers'>;
type AnswerChunk = { ranAt: string; answers: [string, AccountAnswer][] };

const SLOT = 'modelgates-bulk-run';
const chunkSlot = (n: number) => `${SLOT}/answers/${n}`;

/**
 * The run in the tab's session storage: it lasts as long as the tab, through reloads, and no
 * longer. The answers go in chunks, each holding those that came since the last one, so that a
 * save during a run of thousands writes only what is new, never the whole run, and keeps the page
 * responsive. Too large for the quota: nothing is kept, and a reload starts empty.
 */
export class RunSaver {
  private chunks = 0;

  /** Starts the tab's saved run over with this run and the answers it keeps from before. */
  constructor(
    private readonly head: RunHead,
    kept: [string, AccountAnswer][],
  ) {
    clearSavedRun();
    if (write(SLOT, head)) this.append(kept);
  }

  /** Adds these answers; a later answer for an item replaces an earlier one on loading. */
  append(answers: [string, AccountAnswer][]): void {
    if (this.chunks < 0) return;
    const chunk: AnswerChunk = { ranAt: this.head.ranAt, answers };
    if (write(chunkSlot(this.chunks), chunk)) this.chunks += 1;
    else this.chunks = -1;
  }
}

function write(slot: string, value: unknown): boolean {
  try {
    sessionStorage.setItem(slot, JSON.stringify(value));
    return true;
  } catch {
    clearSavedRun();
    return false;
  }
}

function clearSavedRun(): void {
  sessionStorage.removeItem(SLOT);
  for (let n = 0; sessionStorage.getItem(chunkSlot(n)) !== null; n += 1) sessionStorage.removeItem(chunkSlot(n));
}

export function loadRun(): SavedRun | null {
  try {
    const run = JSON.parse(sessionStorage.getItem(SLOT) ?? 'null') as Partial<RunHead> | null;
    if (!run || typeof run.ranAt !== 'string' || !Array.isArray(run.accounts)) return null;
    if (!Array.isArray(run.hashes) || !run.hashes.every(isKeyHash)) return null;
    const answers: [string, AccountAnswer][] = [];
    for (let n = 0; ; n += 1) {
      const chunk = JSON.parse(sessionStorage.getItem(chunkSlot(n)) ?? 'null') as Partial<AnswerChunk> | null;
      // A chunk of another run (one whose saving stopped part-way) ends this run's answers.
      if (!chunk || chunk.ranAt !== run.ranAt || !Array.isArray(chunk.answers)) break;
      answers.push(...chunk.answers);
    }
    return { ranAt: run.ranAt, accounts: run.accounts, hashes: run.hashes, answers };
  } catch {
    return null;
  }
}
