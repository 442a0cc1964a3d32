import { useEffect, useRef, useState } from 'preact/hooks';
import { HashChoice } from '@/components/lookup/HashChoice';
import { HistoryList } from '@/components/lookup/HistoryList';
import { Loading } from '@/components/lookup/Loading';
import { WatchedList } from '@/components/watch/WatchedList';
import { cardPath } from '@/utils/lookup/card-address';
import { type KeyHash, parseHashInput } from '@/utils/hash-input';
import type { HistoryItem } from '@/utils/lookup/views';
import { askWorker } from '@/utils/messaging/page/worker-client';
import { FindOnPageButton, openBulk } from '@/components/bulk/FindOnPageButton';
import { LazyAnswer, loadAnswerWhenIdle } from './LazyAnswer';
import { openOwnPage } from '@/utils/lookup/page/open-page';
import { type StartReply, useLookup } from '@/utils/lookup/page/use-lookup';
import { useWatched } from '@/utils/watch/page/use-watched';

/** `started`: the worker's reply to `popupStart`, asked for before the first render (main.tsx). */
export function App({ started }: { started?: Promise<StartReply> }) {
  const [text, setText] = useState('');
  const [history, setHistory] = useState<HistoryItem[] | null>(null);
  const { view, now, show, start, lookUp, refresh } = useLookup(() => void loadHistory());
  const watched = useWatched();
  const input = useRef<HTMLInputElement>(null);
  const firstHistoryEntry = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    const onStart = (reply: StartReply) => {
      setHistory(reply.ok ? reply.history : []);
      if (reply.ok) watched.show(reply.watched);
      // The card's code, once the popup is idle after drawing what the start reply brought: well
      // before an answer needs it, and never in the way of the field or the history.
      loadAnswerWhenIdle();
    };
    void start(started ?? askWorker('popupStart'), onStart, setText);
  }, []);

  async function loadHistory() {
    const reply = await askWorker('history');
    setHistory(reply.ok ? reply.entries : []);
  }

  function reset() {
    setText('');
    show({ kind: 'idle' });
    void loadHistory();
    void watched.load();
  }

  /** Decides from what was typed or pasted: look up, ask which hash, or say why not. */
  function submit(value: string) {
    const input = parseHashInput(value);
    if (input.kind === 'hash') {
      setText(input.hash);
      return void lookUp(input.hash);
    }
    switch (input.kind) {
      case 'choice':
        return show({ kind: 'choice', hashes: input.hashes });
      case 'empty':
        return show({ kind: 'input_error', message: 'Enter or paste a key hash.' });
      case 'secret':
        // The secret is taken out of the field so that it is not left on screen.
        setText('');
        return show({ kind: 'input_error', message: input.message });
      case 'invalid':
        return show({ kind: 'input_error', message: input.message });
    }
  }

  function onPaste(event: ClipboardEvent) {
    const pasted = event.clipboardData?.getData('text') ?? '';
    const input = parseHashInput(pasted);
    // A pasted hash is looked up at once; a pasted secret never lands in the field.
    if (input.kind === 'hash' || input.kind === 'secret' || input.kind === 'choice') {
      event.preventDefault();
      submit(pasted);
    }
  }

  function onInputKeyDown(event: KeyboardEvent) {
    if (event.key === 'Escape' && (text !== '' || view.kind !== 'idle')) {
      // Esc clears first; a second Esc on an empty popup closes it as usual.
      event.preventDefault();
      reset();
    } else if (event.key === 'ArrowDown' && text === '') {
      const first = firstHistoryEntry.current;
      if (first) {
        event.preventDefault();
        first.focus();
      }
    }
  }

  function openOptions() {
    openOwnPage('/options.html');
    window.close();
  }

  /** The card in a tab of its own (card.html#<hash>). */
  function openInTab(hash: KeyHash) {
    openOwnPage(cardPath(hash));
    window.close();
  }

  async function clearHistory() {
    const reply = await askWorker('clearHistory');
    if (reply.ok) setHistory([]);
    input.current?.focus();
  }

  const inputError = view.kind === 'input_error' ? view.message : null;
  const showHistory = text === '' && (view.kind === 'idle' || view.kind === 'input_error') && history !== null;
  return (
    <main class="popup">
      <h1 class="visually-hidden">ModelGates Key Lookup</h1>
      <form
        class="lookup-form"
        onSubmit={(event) => {
          event.preventDefault();
          submit(text);
        }}
      >
        <label for="hash" class="field-label">
          Key hash
        </label>
        <div class="lookup-row">
          <input
            ref={input}
            id="hash"
            name="hash"
            type="text"
            autoFocus
            autoComplete="off"
            spellcheck={false}
            placeholder="64 hexadecimal characters"
            value={text}
            aria-invalid={inputError ? true : undefined}
            aria-describedby={inputError ? 'hash-error' : undefined}
            onInput={(event) => setText(event.currentTarget.value)}
            onPaste={onPaste}
            onKeyDown={onInputKeyDown}
          />
          <button type="submit">Look up</button>
        </div>
        {inputError && (
          <p id="hash-error" class="field-error" role="alert">
            {inputError}
          </p>
        )}
      </form>
      {/* With the empty popup only: a card or a choice list has the room. */}
      {showHistory && <FindOnPageButton onRefused={(message) => show({ kind: 'input_error', message })} />}
      <section class="popup-result" aria-live="polite">
        {view.kind === 'loading' && <Loading label="Looking up key…" />}
        {view.kind === 'choice' && (
          <HashChoice
            hashes={view.hashes}
            onPick={(hash) => {
              setText(hash);
              void lookUp(hash);
            }}
            onLookUpAll={() => void openBulk(view.hashes)}
          />
        )}
        {view.kind === 'result' && (
          <LazyAnswer
            result={view.result}
            now={now}
            refreshing={view.refreshing ?? false}
            refreshError={view.refreshError}
            onRefresh={() => view.hash && void refresh(view.hash, view.result)}
            onOpenOptions={openOptions}
            onOpenInTab={view.hash ? () => view.hash && openInTab(view.hash) : undefined}
          />
        )}
        {showHistory && (
          <WatchedList
            entries={watched.entries}
            checking={watched.checking}
            checkError={watched.checkError}
            onPick={(hash) => submit(hash)}
            onCheckNow={() => void watched.checkNow()}
          />
        )}
        {showHistory && (
          <HistoryList
            entries={history}
            now={now}
            onPick={(hash) => submit(hash)}
            onClear={() => void clearHistory()}
            firstEntryRef={firstHistoryEntry}
            onLeaveUp={() => input.current?.focus()}
          />
        )}
      </section>
    </main>
  );
}
