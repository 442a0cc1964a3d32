import { useState } from 'preact/hooks';
import { type KeyHash, parseHashInput } from '@/utils/hash-input';
import { type AskLookup, useLookup } from './use-lookup';

/**
 * The "Key hash" field and its lookups, as the popup (and any page with the field) uses them: what
 * was typed, and what submitting or pasting it decides: look up, ask which hash, or say why not.
 * `onSettled` runs when an answer has landed (the history may have changed); `ask` sends the
 * lookup (the popup's `lookup` message unless a page has its own); `typed`: what the field held
 * before the page's scripts ran.
 */
export function useLookupEntry(onSettled: () => void, ask?: AskLookup, typed = '') {
  const lookup = useLookup(onSettled, ask);
  const [text, setText] = useState(typed);

  /** Looks up a hash chosen from a list (history, watched keys, a choice), showing it in the field. */
  function pick(hash: KeyHash) {
    // The lookup first: its message leaves before the field's redraw is queued (use-lookup.ts).
    void lookup.lookUp(hash);
    setText(hash);
  }

  function submit(value: string) {
    const input = parseHashInput(value);
    switch (input.kind) {
      case 'hash':
        return pick(input.hash);
      case 'choice':
        return lookup.show({ kind: 'choice', hashes: input.hashes });
      case 'empty':
        return lookup.show({ kind: 'input_error', message: 'Enter or paste a key hash.' });
      case 'secret':
        // The secret is taken out of the field so that it is not left on screen.
        setText('');
        return lookup.show({ kind: 'input_error', message: input.message });
      case 'invalid':
        return lookup.show({ kind: 'input_error', message: input.message });
    }
  }

  /** A pasted hash is looked up at once; a pasted secret never lands in the field. */
  function onPaste(event: ClipboardEvent) {
    const pasted = event.clipboardData?.getData('text') ?? '';
    const kind = parseHashInput(pasted).kind;
    if (kind === 'hash' || kind === 'secret' || kind === 'choice') {
      event.preventDefault();
      submit(pasted);
    }
  }

  /** Empties the field and takes the card away; false when there was nothing to clear. */
  function clear(): boolean {
    if (text === '' && lookup.view.kind === 'idle') return false;
    setText('');
    lookup.show({ kind: 'idle' });
    return true;
  }

  const inputError = lookup.view.kind === 'input_error' ? lookup.view.message : null;
  return { ...lookup, text, setText, pick, submit, onPaste, clear, inputError };
}
