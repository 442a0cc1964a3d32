import type { ComponentChildren, Ref } from 'preact';

export interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  type?: 'text' | 'url' | 'number';
  /** For number fields: the range the worker's check accepts, so the browser's stepper agrees. */
  min?: number;
  max?: number;
  hint?: ComponentChildren;
  /** The worker's words for why the value was refused; shown beside the field. */
  error?: string;
  /** Shown under the hint, e.g. the "Grant access" block of the base URL. */
  children?: ComponentChildren;
  /** To give the input the focus (a field just added). */
  inputRef?: Ref<HTMLInputElement>;
}

/** A labelled input with its hint and its error, both tied to it for screen readers. */
export function TextField({
  id,
  label,
  value,
  onInput,
  type = 'text',
  min,
  max,
  hint,
  error,
  children,
  inputRef,
}: TextFieldProps) {
  const describedBy = [error && `${id}-error`, hint && `${id}-hint`].filter(Boolean).join(' ');
  return (
    <div class="field">
      <label class="field-label" for={id}>
        {label}
      </label>
      <input
        ref={inputRef}
        id={id}
        name={id}
        type={type}
        spellcheck={false}
        {...(type === 'number' ? { inputMode: 'numeric' as const, step: 1, min, max } : {})}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        onInput={(event) => onInput(event.currentTarget.value)}
      />
      {hint && (
        <p class="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="field-error" id={`${id}-error`}>
          {error}
        </p>
      )}
      {children}
    </div>
  );
}
