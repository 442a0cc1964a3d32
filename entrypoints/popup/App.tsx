import { useEffect, useRef, useState } from 'preact/hooks';
import { CardToolbar } from '@/components/CardToolbar';
import { ErrorNotice } from '@/components/ErrorNotice';
import { HashChoice } from '@/components/HashChoice';
import { HistoryList } from '@/components/HistoryList';
import { KeyCard } from '@/components/KeyCard';
import { Loading } from '@/components/Loading';
import { describeLookupError } from '@/utils/error-message';
import { type KeyHash, parseHashInput } from '@/utils/hash-input';
import type { LookupResult } from '@/utils/lookup-result';
import type { HistoryEntry } from '@/utils/background/store/items';
import { askWorker } from '@/utils/messaging/worker-client';

type View =
  | { kind: 'idle' }
  | { kind: 'input_error'; message: string }
  | { kind: 'choice'; hashes: KeyHash[] }
  | { kind: 'loading' }
  | { kind: 'result'; hash: KeyHash | null; result: LookupResult; refreshing?: boolean; refreshError?: string };

export function App() {
  const [text, setText] = useState('');
  const [view, setView] = useState<View>({ kind: 'idle' });
  const [history, setHistory] = useState<HistoryEntry[] | null>(null);
  const [now, setNow] = useState(() => new Date());
  // Only the newest lookup may paint: replies to earlier ones are dropped.
  const latest = useRef(0);

  useEffect(() => {
    void showContextMenuLookup();
    void loadHistory();
  }, []);

  // The card says how old it is; a coarse tick keeps that honest while the popup stays open.
  useEffect(() => {
    if (view.kind !== 'result') return;
    const timer = setInterval(() => setNow(new Date()), 1000);
    return () => clearInterval(timer);
  }, [view.kind]);

  async function loadHistory() {
    const reply = await askWorker('history');
    setHistory(reply.ok ? reply.entries : []);
  }

  async function showContextMenuLookup() {
    const id = ++latest.current;
    const reply = await askWorker('lastLookup');
    if (id !== latest.current || !reply.ok || !reply.last) return;
    const { last } = reply;
    if (last.hash) setText(last.hash);
    if (last.choices) setView({ kind: 'choice', hashes: last.choices });
    else
      setView({
        kind: 'result',
        hash: last.hash,
        result: last.result ?? { ok: false, error: { kind: 'interrupted' } },
      });
  }

  /** Shows a cached card at once when there is one, then the fresh answer. */
  async function lookUp(hash: KeyHash) {
    const id = ++latest.current;
    setText(hash);
    setNow(new Date());
    setView({ kind: 'loading' });
    const first = await askWorker('lookup', { hash, allowCached: true });
    if (id !== latest.current) return;
    // "Try again in 30 seconds" and "Updated just now" count from the answer, not the question.
    setNow(new Date());
    if (!(first.ok && first.cached)) {
      setView({ kind: 'result', hash, result: first });
      void loadHistory();
      return;
    }
    setView({ kind: 'result', hash, result: first, refreshing: true });
    await refresh(hash, first, id);
  }

  /** Asks for a fresh answer while the card stays; a failed refresh keeps the card and says why. */
  async function refresh(hash: KeyHash, shown: LookupResult, id = ++latest.current) {
    setView({ kind: 'result', hash, result: shown, refreshing: true });
    const fresh = await askWorker('lookup', { hash, allowCached: false });
    if (id !== latest.current) return;
    setNow(new Date());
    if (fresh.ok || !shown.ok) setView({ kind: 'result', hash, result: fresh });
    else
      setView({
        kind: 'result',
        hash,
        result: shown,
        refreshError: describeLookupError(fresh.error, new Date()).title + '.',
      });
    void loadHistory();
  }

  function reset() {
    latest.current++;
    setText('');
    setView({ kind: 'idle' });
    void loadHistory();
  }

  /** Decides from what was typed or pasted: look up, ask which hash, or say why not. */
  function submit(value: string) {
    const input = parseHashInput(value);
    if (input.kind === 'hash') return void lookUp(input.hash);
    latest.current++;
    switch (input.kind) {
      case 'choice':
        return setView({ kind: 'choice', hashes: input.hashes });
      case 'empty':
        return setView({ kind: 'input_error', message: 'Enter or paste a key hash.' });
      case 'secret':
        // The secret is taken out of the field so that it is not left on screen.
        setText('');
        return setView({ kind: 'input_error', message: input.message });
      case 'invalid':
        return setView({ kind: 'input_error', message: input.message });
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
      const first = document.querySelector<HTMLButtonElement>('.history__item');
      if (first) {
        event.preventDefault();
        first.focus();
      }
    }
  }

  function openOptions() {
    // A plain window.open of our own page keeps the browser API polyfill out of the popup's
    // bundle; the popup's JavaScript is on the critical path of every lookup. Without noopener
    // Chromium gives the new tab no extension APIs, and the options page would stay blank.
    window.open(new URL('/options.html', location.href).href, '_blank', 'noopener');
    window.close();
  }

  async function clearHistory() {
    const reply = await askWorker('clearHistory');
    if (reply.ok) setHistory([]);
    document.getElementById('hash')?.focus();
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
      <section class="popup-result" aria-live="polite">
        {view.kind === 'loading' && <Loading label="Looking up key…" />}
        {view.kind === 'choice' && <HashChoice hashes={view.hashes} onPick={(hash) => void lookUp(hash)} />}
        {view.kind === 'result' &&
          (view.result.ok ? (
            <>
              <CardToolbar
                apiKey={view.result.key}
                fetchedAt={view.result.fetchedAt}
                now={now}
                refreshing={view.refreshing ?? false}
                refreshError={view.refreshError}
                onRefresh={() => view.hash && view.result.ok && void refresh(view.hash, view.result)}
              />
              <KeyCard apiKey={view.result.key} now={now} />
            </>
          ) : (
            <ErrorNotice error={view.result.error} now={now} onOpenOptions={openOptions} />
          ))}
        {showHistory && (
          <HistoryList
            entries={history}
            now={now}
            onPick={(hash) => submit(hash)}
            onClear={() => void clearHistory()}
          />
        )}
      </section>
    </main>
  );
}
