export interface PrivacyChoices {
  historyEnabled: boolean;
}

export interface PrivacySectionProps extends PrivacyChoices {
  onChange: (patch: Partial<PrivacyChoices>) => void;
}

/**
 * What the extension keeps of recent lookups, and the link to the privacy policy. (Where the keys
 * are kept: components/lock/KeyStorageSection.tsx.)
 */
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
      <p class="field-hint">
        {/* privacy.html is PRIVACY.md, bundled with the extension: it opens without a network. */}
        <a href="/privacy.html" target="_blank" rel="noopener">
          Privacy policy
        </a>
        : what the extension stores, what it sends and to whom, and how to delete it.
      </p>
    </fieldset>
  );
}
