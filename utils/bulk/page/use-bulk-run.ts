import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { rowOf, runItems, type AccountAnswer } from '@/utils/bulk/answers';
import { hashProgress } from '@/utils/bulk/hash-progress';
import type { BulkRow } from '@/utils/bulk/row';
import type { KeyHash } from '@/utils/hash-input';
import type { AccountRef } from '@/utils/lookup/lookup-error';
import { withoutFailures, type RunProgress } from '@/utils/scheduler/outcome';
import { runLookups } from '@/utils/scheduler/scheduler';
import { askAccount, cancelRun } from './ask-account';
import { loadRun, RunSaver } from './saved-run';

/** The table and the progress line are redrawn at most this often during a run. */
const PAINT_MS = 100;
/** New answers are added to session storage at most this often, at the run's end and when the page goes. */
const SAVE_MS = 2000;

export interface RunMeta {
  ranAt: string;
  accounts: AccountRef[];
  hashes: KeyHash[];
}

/**
 * The bulk page's run: drives the scheduler, keeps each account's answer per hash, and gives the
 * table one row per hash. Answers are kept in refs and painted on a timer, so thousands of them
 * do not each render the page. Leaving the page aborts the run: nothing new is asked.
 */
export function useBulkRun(concurrency: number) {
  const answers = useRef(new Map<string, AccountAnswer>());
  const rowsByHash = useRef(new Map<KeyHash, BulkRow>());
  const controller = useRef<AbortController | null>(null);
  /** Writes the answers not yet in session storage. */
  const flush = useRef<() => void>(() => undefined);
  const [meta, setMeta] = useState<RunMeta | null>(null);
  const [painted, setPainted] = useState(0);
  const [progress, setProgress] = useState<RunProgress | null>(null);
  const [running, setRunning] = useState(false);
  /** Why the last run stopped before its end, in words; null when it did not. */
  const [stopped, setStopped] = useState<string | null>(null);

  const rebuild = (run: RunMeta) => {
    rowsByHash.current = new Map(run.hashes.map((hash) => [hash, rowOf(hash, run.accounts, answers.current)]));
  };

  useEffect(() => {
    const saved = loadRun();
    if (saved) {
      answers.current = new Map(saved.answers);
      const run = { ranAt: saved.ranAt, accounts: saved.accounts, hashes: saved.hashes };
      rebuild(run);
      setMeta(run);
    }
    const stop = () => controller.current?.abort();
    const leave = () => {
      flush.current();
      stop();
    };
    window.addEventListener('pagehide', leave);
    return () => {
      window.removeEventListener('pagehide', leave);
      stop();
    };
  }, []);

  /** A new run over these hashes, or (`again`) the current run's failed and unasked rows. */
  async function start(run: RunMeta, again = false): Promise<void> {
    controller.current?.abort();
    const abort = (controller.current = new AbortController());
    answers.current = again ? withoutFailures(answers.current) : new Map();
    rebuild(run);
    setMeta(run);
    setRunning(true);
    setStopped(null);
    const saver = new RunSaver(run, [...answers.current]);
    let unsaved: [string, AccountAnswer][] = [];
    const save = (flush.current = () => {
      if (unsaved.length > 0) saver.append(unsaved);
      unsaved = [];
    });
    let latest: RunProgress | null = null;
    let paintTimer: ReturnType<typeof setTimeout> | undefined;
    let lastSave = Date.now();
    // Progress is said by hash: a row is done once found, or answered by every account.
    const byHash = (requests: RunProgress | null) =>
      requests && hashProgress([...rowsByHash.current.values()], requests);
    const paint = () => {
      paintTimer = undefined;
      setProgress(byHash(latest));
      setPainted((n) => n + 1);
      if (Date.now() - lastSave >= SAVE_MS) {
        lastSave = Date.now();
        save();
      }
    };
    const schedule = () => (paintTimer ??= setTimeout(paint, PAINT_MS));
    const runId = crypto.randomUUID();
    abort.signal.addEventListener('abort', () => cancelRun(runId), { once: true });
    try {
      await runLookups({
        items: runItems(run.hashes, run.accounts),
        answers: answers.current,
        concurrency,
        // As many again wait in the worker, which sends at most `concurrency` per account at once.
        ahead: concurrency,
        signal: abort.signal,
        lookup: (item, signal) => askAccount(item, signal, runId),
        onAnswer: (item, answer) => {
          answers.current.set(item.id, answer);
          unsaved.push([item.id, answer]);
          rowsByHash.current.set(item.hash, rowOf(item.hash, run.accounts, answers.current));
          schedule();
        },
        onProgress: (next) => {
          // The first count shows at once; later ones with the next paint.
          if (latest === null) setProgress(byHash(next));
          latest = next;
          schedule();
        },
      });
    } catch {
      // The scheduler ends a run early only on a fault of ours (a lookup that threw): what was
      // found is kept, and the page says so instead of leaving the run looking finished.
      setStopped('The run stopped early because of an error in the extension. What was found is kept.');
    } finally {
      clearTimeout(paintTimer);
      if (controller.current === abort) {
        controller.current = null;
        paint();
        save();
        setRunning(false);
      }
    }
  }

  const rows = useMemo(
    () => (meta ? meta.hashes.map((hash) => rowsByHash.current.get(hash) ?? rowOf(hash, [], new Map())) : []),
    [meta, painted],
  );
  const cancel = () => controller.current?.abort();
  return { meta, rows, progress, running, stopped, start, cancel };
}
