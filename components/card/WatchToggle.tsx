import { useEffect, useState } from 'preact/hooks';
import type { KeyHash } from '@/utils/hash-input';
import { askWorker, type WorkerReply } from '@/utils/messaging/page/worker-client';
import { announceWatchChanged } from '@/utils/watch/page/watch-changed';

export interface WatchToggleProps {
  hash: KeyHash;
  /** The card's account; left out when there is one account. */
  accountId?: string;
  /** Whether the key is watched, when the lookup's answer said so: the button is drawn with the
   * card, and the worker is asked only about its history, on un-watching. */
  known?: boolean;
}

/** Why the worker said no, in words (it says why it refused; otherwise it did not answer). */
export const refusalText = (reply: WorkerReply<'watch'>) =>
  !reply.ok && 'message' in reply ? reply.message : 'The extension did not answer. Try again.';

/**
 * "Watch" on a key's card: a toggle button (aria-pressed) named "Watching" while the key is on
 * the watchlist. Without `known`, it asks the worker itself, so any page showing a card gets it
 * by rendering it.
 */
export function WatchToggle({ hash, accountId, known }: WatchToggleProps) {
  // undefined until known: the button is not offered before its state is.
  const [watching, setWatching] = useState<boolean | undefined>(known);
  // Points of spend history the key has (un-watching asks what becomes of them); undefined until asked.
  const [samples, setSamples] = useState<number | undefined>(undefined);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const request = accountId === undefined ? { hash } : { hash, accountId };

  useEffect(() => {
    // A newer answer (a refresh) says again what is true now.
    if (known !== undefined) return void setWatching(known);
    let current = true;
    void askWorker('watchStatus', request).then((reply) => {
      if (!current || !reply.ok) return;
      setWatching(reply.watching);
      setSamples(reply.samples);
    });
    return () => {
      current = false;
    };
  }, [hash, accountId, known]);

  async function send(reply: Promise<WorkerReply<'watch'>>) {
    setBusy(true);
    setError(null);
    const answer = await reply;
    setBusy(false);
    setAsking(false);
    if (answer.ok) {
      setWatching(answer.watching);
      setSamples(answer.samples);
      announceWatchChanged();
    } else setError(refusalText(answer));
  }

  /** How much spend history the key has: known since the last answer, or asked now. */
  async function historyPoints(): Promise<number | null> {
    if (samples !== undefined) return samples;
    setBusy(true);
    setError(null);
    const reply = await askWorker('watchStatus', request);
    setBusy(false);
    if (!reply.ok) {
      setError(refusalText(reply));
      return null;
    }
    setWatching(reply.watching);
    setSamples(reply.samples);
    return reply.watching ? reply.samples : null;
  }

  async function toggle() {
    if (!watching) return void send(askWorker('watch', request));
    const points = await historyPoints();
    if (points === null) return;
    // With no history there is nothing to ask about.
    if (points === 0) return void send(askWorker('unwatch', { ...request, history: 'delete' }));
    setAsking(true);
  }

  if (watching === undefined) return null;
  return (
    <>
      <button
        type="button"
        class="button--small"
        aria-pressed={watching}
        aria-expanded={watching ? asking : undefined}
        disabled={busy}
        onClick={() => void toggle()}
      >
        {watching ? 'Watching' : 'Watch'}
      </button>
      {asking && (
        <UnwatchQuestion
          samples={samples ?? 0}
          busy={busy}
          onAnswer={(history) => void send(askWorker('unwatch', { ...request, history }))}
          onCancel={() => setAsking(false)}
        />
      )}
      {error && (
        <p class="field-error card-toolbar__error" role="alert">
          {error}
        </p>
      )}
    </>
  );
}

function UnwatchQuestion(props: {
  samples: number;
  busy: boolean;
  onAnswer: (history: 'keep' | 'delete') => void;
  onCancel: () => void;
}) {
  const points = props.samples === 1 ? '1 point' : `${props.samples} points`;
  return (
    <div class="confirm card-toolbar__confirm" role="group" aria-labelledby="unwatch-question">
      <p id="unwatch-question">
        Stop watching this key? Its spend history ({points}) can be kept, to see on its card page, or deleted.
      </p>
      <div class="button-row">
        <button type="button" class="button--small" disabled={props.busy} onClick={() => props.onAnswer('keep')}>
          Stop watching, keep history
        </button>
        <button
          type="button"
          class="button--small danger"
          disabled={props.busy}
          onClick={() => props.onAnswer('delete')}
        >
          Stop watching, delete history
        </button>
        <button type="button" class="button--small" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
