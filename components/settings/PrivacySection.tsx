export interface PrivacyChoices {
  historyEnabled: boolean;
}

export interface PrivacySectionProps extends PrivacyChoices {
  onChange: (patch: Partial<PrivacyChoices>) => void;
}

/** What the extension keeps of recent lookups. (Where the keys are kept: components/lock/KeyStorageSection.tsx.) */
export function PrivacySection({ historyEnabled, onChange }: PrivacySectionProps) {
  return (
    <fieldset class="field">
      <legend class="field-label">Privacy</legend>
      <label class="check">
        <input
          type="checkbox"
          name="historyEnabled"
          checked={historyEnabled}
          aria-describedby="history-hint"
          onChange={(event) => onChange({ historyEnabled: event.currentTarget.checked })}
        />
        Remember recent lookups
      </label>
      <p class="field-hint" id="history-hint">
        The popup lists the last 20 lookups (hash, name, status, when; no spend figures). Turning this off clears the
        list.
      </p>
    </fieldset>
  );
}
