import { useState } from 'preact/hooks';

export interface KeyFieldProps {
  /** The input's id; its label, hint and error ids start with it. Unique per account. */
  id?: string;
  /** Last 4 characters of the saved key, or null when none is saved. */
  savedLast4: string | null;
  value: string;
  error?: string;
  onInput: (value: string) => void;
  onRemove: () => void;
}

/** The management key: a password field with show/hide, or, once saved, only its last 4. */
export function KeyField({ id = 'managementKey', savedLast4, value, error, onInput, onRemove }: KeyFieldProps) {
  const [visible, setVisible] = useState(false);
  const [replacing, setReplacing] = useState(false);
  if (savedLast4 && !replacing) {
    return (
      <div class="field">
        <span class="field-label" id={`${id}-label`}>
          Management key
        </span>
        <p class="saved-key" aria-labelledby={`${id}-label`}>
          Saved, ending in <code>{savedLast4}</code>
        </p>
        <div class="button-row">
          <button type="button" onClick={() => setReplacing(true)}>
            Replace key
          </button>
          <button type="button" class="danger" onClick={onRemove}>
            Remove key
          </button>
        </div>
      </div>
    );
  }
  return (
    <div class="field">
      <label class="field-label" for={id}>
        Management key
      </label>
      <div class="input-row">
        <input
          id={id}
          name={id}
          type={visible ? 'text' : 'password'}
          autoComplete="off"
          spellcheck={false}
          value={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error ${id}-hint` : `${id}-hint`}
          onInput={(event) => onInput(event.currentTarget.value)}
        />
        <button type="button" aria-pressed={visible} onClick={() => setVisible(!visible)}>
          {visible ? 'Hide' : 'Show'}
        </button>
        {savedLast4 && (
          <button type="button" onClick={() => setReplacing(false)}>
            Keep saved key
          </button>
        )}
      </div>
      <p class="field-hint" id={`${id}-hint`}>
        A ModelGates management key. It is stored only in this browser and sent only to this account’s API base URL
        below.
      </p>
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}
