import { useEffect, useRef, useState } from 'preact/hooks';
import type { KeyHash } from '../../hash-input';
import type { View } from '../../lookup/page/use-lookup';
import { askWorker } from '../../messaging/page/worker-client';
import type { PanelPush } from '../port-protocol';
import { placeOnTop, setCollapsed, type StackCard } from '../stack';
import { currentWindowId } from './extension-api';
import { connectPanel } from './panel-port';

/**
 * The panel's stack as the worker keeps it: sent over the panel's port when it connects and
 * whenever it changes. `view` is the panel's own lookup: a key it found is put on top here at
 * once, as the worker does (its stack follows a moment later, the same). `onRightClick` is told of
 * a right-click lookup in this window. `cards` is null until the worker has sent the stack;
 * `connections` counts the times the worker has taken the panel's port (it sends the stack then).
 */
export function usePanelStack(view: View, onRightClick: (hash: KeyHash | null) => void) {
  const [cards, setCards] = useState<StackCard[] | null>(null);
  const [connections, setConnections] = useState(0);
  const justConnected = useRef(false);

  useEffect(() => {
    let stop: (() => void) | undefined;
    let closed = false;
    const onPush = (push: PanelPush) => {
      if (push.kind !== 'stack') return onRightClick(push.hash);
      setCards(push.cards);
      if (justConnected.current) setConnections((count) => count + 1);
      justConnected.current = false;
    };
    const onConnected = () => (justConnected.current = true);
    void currentWindowId().then((windowId) => {
      if (!closed && windowId !== null) stop = connectPanel(windowId, onPush, onConnected);
    });
    return () => {
      closed = true;
      stop?.();
    };
  }, []);

  useEffect(() => {
    if (view.kind !== 'result' || view.hash === null || !view.result.ok) return;
    if (view.refreshing || view.refreshError !== undefined) return;
    const { hash, result } = view;
    setCards((shown) => placeOnTop(shown ?? [], hash, result, new Date()));
  }, [view]);

  /** Collapses a card to one line, or opens it; the worker keeps it so for the next opening. */
  function collapse(hash: KeyHash, collapsed: boolean): void {
    setCards((shown) => shown && setCollapsed(shown, hash, collapsed));
    void askWorker('collapseStackCard', { hash, collapsed });
  }

  /** "Clear": every card goes, here and in the worker's stack. */
  async function clear(): Promise<void> {
    setCards([]);
    const reply = await askWorker('clearStack');
    if (reply.ok) setCards(reply.cards);
  }

  return { cards, connections, collapse, clear };
}
