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
/** A run's answers saved at once; the slot's name says whose run it is. */
type AnswerChunk = { answers: [string, AccountAnswer][] };

const SLOT = 'modelgates-bulk-run';
/** Every slot of a saved run's answers starts so. */
const CHUNKS = `${SLOT}/`;
/** Where the answers of the run that started at `ranAt` are: each run's under its own name. */
const runChunks = (ranAt: string) => `${CHUNKS}${ranAt}/`;
const chunkSlot = (ranAt: string, n: number) => `${runChunks(ranAt)}${n}`;

/**
 * The run in the tab's session storage: it lasts as long as the tab, through reloads, and no
 * longer. The answers go in chunks, each holding those that came since the last one, so that a
 * save during a run of thousands writes only what is new, never the whole run, and keeps the page
 * responsive. Too large for the quota: nothing is kept, and a reload starts empty.
 */
export class RunSaver {
  private chunks = 0;

  /**
   * Starts the tab's saved run over with this run and the answers it keeps from before. The new
   * head alone makes the earlier run's answers unreachable (they are under its name); they are
   * removed once the page is idle, not in the click that starts the run: removing a 2,000-hash
   * run's chunks took about 15 ms.
   */
  constructor(
    private readonly head: RunHead,
    kept: [string, AccountAnswer][],
  ) {
    if (!write(SLOT, head)) return;
    this.append(kept);
    whenIdle(removeEarlierRuns);
  }

  /** Adds these answers; a later answer for an item replaces an earlier one on loading. */
  append(answers: [string, AccountAnswer][]): void {
    if (this.chunks < 0) return;
    const chunk: AnswerChunk = { answers };
    if (write(chunkSlot(this.head.ranAt, this.chunks), chunk)) this.chunks += 1;
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
  removeChunks(() => true);
}

/** Removes the answers of every run but the one the head names (the latest). */
function removeEarlierRuns(): void {
  const ranAt = savedHead()?.ranAt;
  removeChunks((slot) => ranAt === undefined || !slot.startsWith(runChunks(ranAt)));
}

/** Removes the saved answers' slots that `which` picks. */
function removeChunks(which: (slot: string) => boolean): void {
  const slots: string[] = [];
  for (let i = 0; i < sessionStorage.length; i += 1) {
    const slot = sessionStorage.key(i);
    if (slot?.startsWith(CHUNKS) && which(slot)) slots.push(slot);
  }
  for (const slot of slots) sessionStorage.removeItem(slot);
}

function whenIdle(task: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(task, { timeout: 2000 });
  else setTimeout(task, 0);
}

/** What a slot holds, parsed; null when it is empty or not JSON. Its shape is still to check. */
function readSlot<T>(slot: string): Partial<T> | null {
  try {
    return JSON.parse(sessionStorage.getItem(slot) ?? 'null') as Partial<T> | null;
  } catch {
    return null;
  }
}

const savedHead = () => readSlot<RunHead>(SLOT);

export function loadRun(): SavedRun | null {
  try {
    const run = savedHead();
    if (!run || typeof run.ranAt !== 'string' || !Array.isArray(run.accounts)) return null;
    if (!Array.isArray(run.hashes) || !run.hashes.every(isKeyHash)) return null;
    const answers: [string, AccountAnswer][] = [];
    for (let n = 0; ; n += 1) {
      const chunk = readSlot<AnswerChunk>(chunkSlot(run.ranAt, n));
      // A missing or damaged chunk ends this run's answers.
      if (!Array.isArray(chunk?.answers)) break;
      answers.push(...chunk.answers);
    }
    return { ranAt: run.ranAt, accounts: run.accounts, hashes: run.hashes, answers };
  } catch {
    return null;
  }
}
