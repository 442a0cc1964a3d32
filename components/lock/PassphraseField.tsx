export interface PassphraseFieldProps {
  id: string;
  label: string;
  value: string;
  onInput: (value: string) => void;
  /** Enter runs the section's action (these fields sit inside the settings form, whose Enter saves). */
  onEnter: () => void;
  /** The id of an error or hint that describes the field. */
  describedBy?: string;
  invalid?: boolean;
  autoComplete: 'current-password' | 'new-password';
  autoFocus?: boolean;
}

/** A passphrase field: hidden as typed, never filled from what is saved. */
export function PassphraseField(props: PassphraseFieldProps) {
  const { id, label, value, onInput, onEnter, describedBy, invalid, autoComplete, autoFocus } = props;
  return (
    <div class="field">
      <label for={id} class="field-label">
        {label}
      </label>
      <input
        id={id}
        type="password"
        autoComplete={autoComplete}
        autoFocus={autoFocus}
        value={value}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={describedBy}
        onInput={(event) => onInput(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key !== 'Enter') return;
          event.preventDefault();
          onEnter();
        }}
      />
    </div>
  );
}
