import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ErrorNotice } from '@/components/ErrorNotice';
import { HashChoice } from '@/components/HashChoice';
import { KeyCard } from '@/components/KeyCard';
import { Loading } from '@/components/Loading';
import { type KeyHash, parseHashInput } from '@/utils/hash-input';
import type { LookupResult } from '@/utils/lookup-result';
import { worker } from '@/utils/worker-client';

type View =
  | { kind: 'idle' }
  | { kind: 'input_error'; message: string }
  | { kind: 'choice'; hashes: KeyHash[] }
  | { kind: 'loading' }
  | { kind: 'result'; result: LookupResult };

export function App() {
  const [text, setText] = useState('');
  const [view, setView] = useState<View>({ kind: 'idle' });
  // Only the newest lookup may paint: replies to earlier ones are dropped.
  const latest = useRef(0);

  useEffect(() => {
    void showContextMenuLookup();
  }, []);

  async function showContextMenuLookup() {
    const id = ++latest.current;
    const reply = await worker.lastLookup();
    if (id !== latest.current || !reply.ok || !reply.last) return;
    const { last } = reply;
    if (last.hash) setText(last.hash);
    if (last.choices) setView({ kind: 'choice', hashes: last.choices as KeyHash[] });
    else if (last.result) setView({ kind: 'result', result: last.result });
    else setView({ kind: 'result', result: { ok: false, error: { kind: 'interrupted' } } });
  }

  async function lookUp(hash: KeyHash) {
    const id = ++latest.current;
    setText(hash);
    setView({ kind: 'loading' });
    const result = await worker.lookup(hash);
    if (id === latest.current) setView({ kind: 'result', result });
  }

  /** Decides from what was typed or pasted: look up, ask which hash, or say why not. */
  function submit(value: string) {
    const input = parseHashInput(value);
    switch (input.kind) {
      case 'hash':
        return void lookUp(input.hash);
      case 'choice':
        latest.current++;
        return setView({ kind: 'choice', hashes: input.hashes });
      case 'empty':
        latest.current++;
        return setView({ kind: 'input_error', message: 'Enter or paste a key hash.' });
      case 'secret':
        latest.current++;
        // The secret is taken out of the field so that it is not left on screen.
        setText('');
        return setView({ kind: 'input_error', message: input.message });
      case 'invalid':
        latest.current++;
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

  function openOptions() {
    void browser.runtime.openOptionsPage().then(() => window.close());
  }

  const inputError = view.kind === 'input_error' ? view.message : null;
  return (
    <main class="popup">
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
        {view.kind === 'choice' && <HashChoice hashes={view.hashes} onPick={(hash) => void lookUp(hash as KeyHash)} />}
        {view.kind === 'result' &&
          (view.result.ok ? (
            <KeyCard apiKey={view.result.key} now={new Date()} />
          ) : (
            <ErrorNotice error={view.result.error} now={new Date()} onOpenOptions={openOptions} />
          ))}
      </section>
    </main>
  );
}
