import { useEffect, useRef, useState } from 'preact/hooks';
import type { MergedLookup } from '@/utils/lookup/account-answers';
import type { LookupError } from '@/utils/lookup/lookup-error';
import type { KeyHash } from '@/utils/hash-input';
import { RecentAnswers, type RecentAnswer } from '@/utils/lookup/recent-answers';
import { askWorker, type WorkerReply } from '@/utils/messaging/page/worker-client';
import type { UnseenLookup } from '../views';

/** The worker's reply to `popupStart`. */
export type StartReply = WorkerReply<'popupStart'>;

/** A start reply's part that `start` shows: the right-click lookup not shown yet (the popup's
 * `popupStart`, the side panel's `panelTakeLookup`). */
export type UnseenReply =
  | {
      ok: true;
      last: UnseenLookup | null;
      /** Fresh cached answers a repeated lookup may show at once, and how long they stay fresh. */
      recent?: RecentAnswer[];
      cacheSeconds?: number;
    }
  | { ok: false };

/** How a page's lookup asks the worker: the popup's `lookup` message, or a page's own of the same
 * shape (the side panel's `panelLookup`, whose cards the worker also keeps on the panel's stack). */
export type AskLookup = (request: { hash: KeyHash; allowCached: boolean }) => Promise<WorkerReply<'lookup'>>;

const askLookup: AskLookup = (request) => askWorker('lookup', request);

/**
 * How long a lookup runs before the page says it is looking. Most answers come sooner: a spinner
 * drawn for them would only flash, and drawing it competes with the lookup itself for the machine
 * (npm run bench measured the card a display frame later more often).
 */
export const LOADING_DELAY_MS = 150;

export type View =
  | { kind: 'idle' }
  | { kind: 'input_error'; message: string }
  | { kind: 'choice'; hashes: KeyHash[] }
  | { kind: 'loading' }
  | {
      kind: 'result';
      hash: KeyHash | null;
      result: MergedLookup;
      /** Which lookup drew the card: a new lookup draws a new one, its refresh updates it in place. */
      card: number;
      refreshing?: boolean;
      refreshError?: LookupError;
    };

/**
 * The popup's lookups: what is shown, and the clock the card counts from. Only the newest lookup
 * may paint: replies to earlier ones are dropped. `onSettled` runs when an answer has landed (the
 * history may have changed).
 */
export function useLookup(onSettled: () => void, ask: AskLookup = askLookup) {
  const [view, setView] = useState<View>({ kind: 'idle' });
  const [now, setNow] = useState(() => new Date());
  const latest = useRef(0);
  const recent = useRef(new RecentAnswers());

  // The card says how old it is; a coarse tick keeps that honest while the popup stays open.
  useEffect(() => {
    if (view.kind !== 'result') return;
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, [view.kind]);

  /** Shows something other than a lookup (input error, choice, nothing), dropping any in flight. */
  function show(next: View) {
    latest.current++;
    setView(next);
  }

  /**
   * The popup's start: `started` is the worker's one reply with all the empty popup shows, handed
   * to `onStart`; a context-menu lookup in it not shown yet is shown (its hash goes to `onHash`)
   * unless the user has begun something else meanwhile. With `loading`, the spinner shows until
   * the reply comes (a page told that a lookup is on its way), and goes if it brings none.
   */
  async function start<Reply extends UnseenReply>(
    started: Promise<Reply>,
    onStart: (reply: Reply) => void,
    onHash: (hash: KeyHash) => void,
    { loading = false }: { loading?: boolean } = {},
  ) {
    const id = ++latest.current;
    if (loading) setView({ kind: 'loading' });
    const reply = await started;
    if (reply.ok && reply.recent) recent.current.adopt(reply.recent, reply.cacheSeconds ?? 0);
    onStart(reply);
    if (id !== latest.current) return;
    if (!reply.ok || !reply.last) {
      if (loading) setView({ kind: 'idle' });
      return;
    }
    const { hash, choices, result } = reply.last;
    if (hash) onHash(hash);
    if (choices) return setView({ kind: 'choice', hashes: choices });
    const shown = result ?? { ok: false as const, error: { kind: 'interrupted' as const } };
    setView({ kind: 'result', hash, result: shown, card: id });
    if (hash) await completeIfPending(hash, shown, id, id);
  }

  /**
   * Shows a cached card at once when there is one, then the fresh answer. A card this page has
   * already been given (or handed as it opened) is shown in the same frame, without asking the
   * worker first; else the worker's cache is asked, and the page stays as it is until the answer,
   * or says it is looking once LOADING_DELAY_MS have passed without one.
   */
  async function lookUp(hash: KeyHash) {
    const id = ++latest.current;
    const now = new Date();
    const known = recent.current.fresh(hash, now);
    if (known) {
      setNow(now);
      return refresh(hash, known, id, id);
    }
    const asked = ask({ hash, allowCached: true });
    const slow = setTimeout(() => id === latest.current && setView({ kind: 'loading' }), LOADING_DELAY_MS);
    const first = await asked;
    clearTimeout(slow);
    if (id !== latest.current) return;
    // "Try again in 30 seconds" and "Updated just now" count from the answer, not the question.
    setNow(new Date());
    if (first.ok && first.cached) return refresh(hash, first, id, id);
    recent.current.remember(hash, first);
    setView({ kind: 'result', hash, result: first, card: id });
    onSettled();
    await completeIfPending(hash, first, id, id);
  }

  /**
   * Asks for a fresh answer while the cards stay; a failed refresh keeps them and says why. The
   * card shown is updated in place (`card`: by default the one on screen, as "Refresh" asks).
   */
  async function refresh(hash: KeyHash, shown: MergedLookup, id = ++latest.current, card = cardShown(id)) {
    setView({ kind: 'result', hash, result: shown, card, refreshing: true });
    const fresh = await ask({ hash, allowCached: false });
    if (id !== latest.current) return;
    setNow(new Date());
    recent.current.remember(hash, fresh);
    if (fresh.ok || !shown.ok) setView({ kind: 'result', hash, result: fresh, card });
    else {
      // Said in words by the card (its chunk holds the words of every error).
      setView({ kind: 'result', hash, result: shown, card, refreshError: fresh.error });
    }
    onSettled();
    await completeIfPending(hash, fresh, id, card);
  }

  /** The card on screen, or a new one (`id`) when there is none. */
  function cardShown(id: number): number {
    return view.kind === 'result' ? view.card : id;
  }

  /** A key found before every account answered: the rest may hold the hash too. */
  async function completeIfPending(hash: KeyHash, shown: MergedLookup, id: number, card: number) {
    if (!shown.ok || !shown.pending) return;
    const all = await askWorker('completeLookup', { hash });
    if (id !== latest.current || !all.ok) return;
    recent.current.remember(hash, all);
    setView({ kind: 'result', hash, result: all, card });
  }

  return { view, now, show, start, lookUp, refresh };
}
