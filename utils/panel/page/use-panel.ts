import { useEffect, useRef } from 'preact/hooks';
import type { FoundKey } from '../../lookup/account-answers';
import type { KeyHash } from '../../hash-input';
import type { View } from '../../lookup/page/use-lookup';
import { useLookupEntry } from '../../lookup/page/use-lookup-entry';
import { askWorker } from '../../messaging/page/worker-client';
import { useClock } from './use-clock';
import { usePanelStack } from './use-panel-stack';

type Entry = ReturnType<typeof useLookupEntry>;

/**
 * The side panel: the popup's "Key hash" field and lookups (through the panel's own message, so
 * that the worker keeps each key found on the stack), the stack, and the right-click lookups the
 * worker routes to this window's panel. A key found shows on the stack; the field's own area
 * shows what is not a card: the spinner, a choice of hashes, why nothing was found.
 */
export function usePanel() {
  const entry = useLookupEntry(noop, (request) => askWorker('panelLookup', request));
  const latest = useRef<Entry>(entry);
  latest.current = entry;
  const stack = usePanelStack(entry.view, (hash) => takeRightClick(latest.current, hash));
  const { view } = entry;
  const top = stack.cards?.[0];
  const now = useClock(top ? new Date(top.found[0].fetchedAt) : null);

  // A right-click lookup that opened this panel, or was made while it was closed, is shown now.
  useEffect(() => {
    void entry.start(askWorker('panelTakeLookup'), noop, entry.setText);
  }, []);

  /** Esc empties the field and takes away what it showed; the panel itself stays open. */
  function onInputKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Escape' && entry.clear()) event.preventDefault();
  }

  /** The card's own Refresh: a fresh lookup of its key, which brings it to the top. */
  function refresh(hash: KeyHash, found: [FoundKey, ...FoundKey[]]): void {
    void entry.refresh(hash, { ok: true, found });
  }

  const fieldView: View = view.kind === 'result' && view.result.ok ? { kind: 'idle' } : view;
  /** The card the field's lookup is refreshing, or could not refresh. */
  const current = view.kind === 'result' && view.result.ok ? view : null;
  return { ...stack, entry, fieldView, current, now, onInputKeyDown, refresh };
}

/** A right-click lookup in this window: its hash in the field, the spinner, then its card. */
function takeRightClick(entry: Entry, hash: KeyHash | null): void {
  entry.setText(hash ?? '');
  void entry.start(askWorker('panelTakeLookup'), noop, entry.setText, { loading: true });
}

function noop(): void {
  // Nothing to reload when a lookup lands: the panel's stack comes from the worker.
}
