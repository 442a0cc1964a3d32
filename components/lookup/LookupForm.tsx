import type { RefObject } from 'preact';

export interface LookupFormProps {
  text: string;
  /** Said under the field (and tied to it) when what was typed cannot be looked up. */
  error: string | null;
  inputRef?: RefObject<HTMLInputElement>;
  onText: (text: string) => void;
  onSubmit: (text: string) => void;
  onPaste: (event: ClipboardEvent) => void;
  onKeyDown?: (event: KeyboardEvent) => void;
}

/** The "Key hash" field and its "Look up" button, focused as the page opens. */
export function LookupForm({ text, error, inputRef, onText, onSubmit, onPaste, onKeyDown }: LookupFormProps) {
  return (
    <form
      class="lookup-form"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit(text);
      }}
    >
      <label for="hash" class="field-label">
        Key hash
      </label>
      <div class="lookup-row">
        <input
          ref={inputRef}
          id="hash"
          name="hash"
          type="text"
          autoFocus
          autoComplete="off"
          spellcheck={false}
          placeholder="64 hexadecimal characters"
          value={text}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'hash-error' : undefined}
          onInput={(event) => onText(event.currentTarget.value)}
          onPaste={onPaste}
          onKeyDown={onKeyDown}
        />
        <button type="submit">Look up</button>
      </div>
      {error && (
        <p id="hash-error" class="field-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
