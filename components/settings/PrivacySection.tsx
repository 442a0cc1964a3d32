export interface PrivacyChoices {
  forgetKeyOnClose: boolean;
  historyEnabled: boolean;
}

export interface PrivacySectionProps extends PrivacyChoices {
  onChange: (patch: Partial<PrivacyChoices>) => void;
}

/**
 * The two check boxes for what the extension keeps (the key across restarts, and recent lookups),
 * and the link to the privacy policy.
 */
export function PrivacySection({ forgetKeyOnClose, historyEnabled, onChange }: PrivacySectionProps) {
  return (
    <fieldset class="field">
      <legend class="field-label">Privacy</legend>
      <label class="check">
        <input
          type="checkbox"
          name="forgetKeyOnClose"
          checked={forgetKeyOnClose}
          aria-describedby="forget-hint"
          onChange={(event) => onChange({ forgetKeyOnClose: event.currentTarget.checked })}
        />
        Forget the key when the browser closes
      </label>
      <p class="field-hint" id="forget-hint">
        The key is then kept in memory only, never on disk, and you enter it again after restarting the browser.
      </p>
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
