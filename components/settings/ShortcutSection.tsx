import { useEffect, useState } from 'preact/hooks';
import { openShortcutSettings, popupShortcut } from '../../utils/settings/page/shortcut';

/** The keyboard shortcut that opens the popup, as the browser reports it, and a way to change it. */
export function ShortcutSection() {
  // undefined until the browser has answered, so no "none set" flashes before the real one.
  const [shortcut, setShortcut] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    void popupShortcut().then(setShortcut);
  }, []);

  return (
    <section class="field" aria-labelledby="shortcut-heading">
      <h2 id="shortcut-heading" class="field-label section-heading">
        Keyboard shortcut
      </h2>
      <p>
        {shortcut === undefined
          ? ''
          : shortcut
            ? `Open the popup with ${shortcut}.`
            : 'No shortcut is set for opening the popup.'}{' '}
        <button type="button" onClick={() => void openShortcutSettings()}>
          Change shortcut
        </button>
      </p>
    </section>
  );
}
