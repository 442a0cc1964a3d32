import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { FindOnPageButton, openBulk } from '@/components/bulk/FindOnPageButton';
import { HistoryList } from '@/components/lookup/HistoryList';
import { loadAnswerWhenIdle } from '@/components/lookup/LazyAnswer';
import { LookupForm } from '@/components/lookup/LookupForm';
import { LookupView } from '@/components/lookup/LookupView';
import { OpenPanelButton } from '@/components/panel/OpenPanelButton';
import { WatchedList } from '@/components/watch/WatchedList';
import { LazyLockNowButton, LazyUnlockForm } from '@/components/lock/LazyUnlockForm';
import { cardPath } from '@/utils/lookup/card-address';
import { openOwnPage } from '@/utils/lookup/page/open-page';
import { useLookupEntry } from '@/utils/lookup/page/use-lookup-entry';
import type { HistoryItem } from '@/utils/lookup/views';
import { askWorker, type WorkerReply } from '@/utils/messaging/page/worker-client';
import { useWatched } from '@/utils/watch/page/use-watched';
import { usePopupLock } from '@/utils/lock/page/use-popup-lock';

export interface AppProps {
  /** The worker's reply to `popupStart`, asked for before the first render (main.tsx). */
  started?: Promise<WorkerReply<'popupStart'>>;
  /** What the field already holds: typed into popup.html's prerendered field before this ran. */
  typed?: string;
}

export function App({ started, typed = '' }: AppProps) {
  const [history, setHistory] = useState<HistoryItem[] | null>(null);
  // An answer may change the history, yet the list is only on screen with the empty popup: it is
  // asked for again when it shows, never on the way to a card.
  const historyStale = useRef(false);
  const entry = useLookupEntry(() => (historyStale.current = true), undefined, typed);
  const watched = useWatched();
  const input = useRef<HTMLInputElement>(null);
  const firstHistoryEntry = useRef<HTMLButtonElement>(null);
  const { view, text } = entry;
  const popupLock = usePopupLock(entry, () => entry.start(askWorker('popupStart'), onStart, entry.setText));

  const onStart = (reply: WorkerReply<'popupStart'>) => {
    setHistory(reply.ok ? reply.history : []);
    if (reply.ok) {
      watched.show(reply.watched);
      popupLock.setLock(reply.lock);
    }
    // The card's code, once the popup is idle after drawing what the start reply brought: well
    // before an answer needs it, and never in the way of the field or the history.
    loadAnswerWhenIdle();
  };
  // Taken as the first render is committed, not after the next frame (useEffect): the reply may
  // be here by then, and the history it brings is drawn at once.
  useLayoutEffect(() => void entry.start(started ?? askWorker('popupStart'), onStart, entry.setText), []);
  const listsShown = text === '' && (view.kind === 'idle' || view.kind === 'input_error');
  useEffect(() => {
    if (!listsShown || !historyStale.current) return;
    historyStale.current = false;
    void loadHistory();
  }, [listsShown]);

  async function loadHistory() {
    const reply = await askWorker('history');
    setHistory(reply.ok ? reply.entries : []);
  }

  function onInputKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape' && entry.clear()) {
      // Esc clears first; a second Esc on an empty popup closes it as usual.
      event.preventDefault();
      historyStale.current = false;
      void loadHistory();
      void watched.load();
    } else if (event.key === 'ArrowDown' && text === '' && firstHistoryEntry.current) {
      event.preventDefault();
      firstHistoryEntry.current.focus();
    }
  }

  /** One of our pages in a tab (the options, a card: card.html#<hash>); the popup then closes. */
  function openAndClose(path: string) {
    openOwnPage(path);
    window.close();
  }

  async function clearHistory() {
    const reply = await askWorker('clearHistory');
    if (reply.ok) setHistory([]);
    input.current?.focus();
  }

  if (popupLock.lock.locked) {
    return (
      <main class="popup">
        <h1 class="visually-hidden">ModelGates Key Lookup</h1>
        <LazyUnlockForm onUnlocked={() => void popupLock.unlocked()} />
      </main>
    );
  }
  const showLists = listsShown && history !== null;
  return (
    <main class="popup">
      <h1 class="visually-hidden">ModelGates Key Lookup</h1>
      <LookupForm
        text={text}
        error={entry.inputError}
        inputRef={input}
        onText={entry.setText}
        onSubmit={entry.submit}
        onPaste={entry.onPaste}
        onKeyDown={onInputKeyDown}
      />
      {/* With the empty popup only: a card or a choice list has the room. */}
      {showLists && (
        <div class="popup-ways">
          <FindOnPageButton onRefused={(message) => entry.show({ kind: 'input_error', message })} />
          <OpenPanelButton />
        </div>
      )}
      <section class="popup-result" aria-live="polite">
        <LookupView
          view={view}
          now={entry.now}
          onPick={entry.pick}
          onLookUpAll={(hashes) => void openBulk(hashes)}
          onRefresh={(hash, shown) => void entry.refresh(hash, shown)}
          onOpenOptions={() => openAndClose('/options.html')}
          onOpenInTab={(hash) => openAndClose(cardPath(hash))}
        />
        {showLists && (
          <WatchedList
            entries={watched.entries}
            checking={watched.checking}
            checkError={watched.checkError}
            onPick={entry.submit}
            onCheckNow={() => void watched.checkNow()}
          />
        )}
        {showLists && (
          <HistoryList
            entries={history}
            now={entry.now}
            onPick={entry.submit}
            onClear={() => void clearHistory()}
            firstEntryRef={firstHistoryEntry}
            onLeaveUp={() => input.current?.focus()}
          />
        )}
      </section>
      {popupLock.lock.on && <LazyLockNowButton onLocked={popupLock.locked} />}
    </main>
  );
}
