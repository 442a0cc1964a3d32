import { useEffect, useState } from 'preact/hooks';
import { openShortcutSettings, panelShortcut, popupShortcut } from '../../utils/settings/page/shortcut';

/** undefined until the browser has answered, so no "none set" flashes before the real one. */
type Shortcut = string | null | undefined;

function sentence(shortcut: Shortcut, what: string): string {
  if (shortcut === undefined) return '';
  return shortcut ? `Open the ${what} with ${shortcut}.` : `No shortcut is set for opening the ${what}.`;
}

/**
 * The keyboard shortcuts that open the popup and the side panel, as the browser reports them, and
 * a way to change them: the browser's own shortcut page (the panel's has no suggested key, so as
 * not to take one from another extension or the page).
 */
export function ShortcutSection() {
  const [popup, setPopup] = useState<Shortcut>(undefined);
  const [panel, setPanel] = useState<Shortcut>(undefined);
  useEffect(() => {
    void popupShortcut().then(setPopup);
    void panelShortcut().then(setPanel);
  }, []);

  return (
    <section class="field" aria-labelledby="shortcut-heading">
      <h2 id="shortcut-heading" class="field-label section-heading">
        Keyboard shortcuts
      </h2>
      <p>{sentence(popup, 'popup')}</p>
      <p>{sentence(panel, 'side panel')}</p>
      <p>
        <button type="button" onClick={() => void openShortcutSettings()}>
          Change shortcuts
        </button>
      </p>
    </section>
  );
}
