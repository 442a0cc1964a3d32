import { useEffect, useState } from 'preact/hooks';
import { askWorker } from '@/utils/messaging/page/worker-client';
import type { RightClickIn } from '@/utils/panel/settings';

const CHOICES: Array<{ value: RightClickIn; label: string }> = [
  { value: 'popup', label: 'the popup' },
  { value: 'panel', label: 'the side panel' },
];

const SAVED: Record<RightClickIn, string> = {
  popup: 'Saved: right-click lookups show in the popup.',
  panel: 'Saved: right-click lookups open the side panel.',
};

/**
 * "Side panel": where "Look up key hash" shows its card while no panel is open in the window (the
 * popup, as before, or the side panel, opened by the click). Saved as soon as it is chosen.
 */
export function PanelOptionsSection() {
  const [chosen, setChosen] = useState<RightClickIn | null>(null);
  const [status, setStatus] = useState('');

  useEffect(() => {
    void askWorker('getPanelSettings').then((reply) =>
      reply.ok ? setChosen(reply.settings.rightClickIn) : setStatus('Could not read the side panel settings.'),
    );
  }, []);

  async function choose(next: RightClickIn) {
    const before = chosen;
    setChosen(next);
    setStatus('');
    const reply = await askWorker('savePanelSettings', { rightClickIn: next });
    if (reply.ok) return setStatus(SAVED[reply.settings.rightClickIn]);
    setChosen(before);
    setStatus('Not saved: the extension did not answer. Try again.');
  }

  return (
    <section class="field" aria-labelledby="panel-heading" aria-busy={chosen === null ? true : undefined}>
      <h2 id="panel-heading" class="field-label section-heading">
        Side panel
      </h2>
      {chosen !== null && (
        <fieldset class="field" aria-describedby="right-click-hint">
          <legend class="field-label">Show right-click lookups in</legend>
          {CHOICES.map(({ value, label }) => (
            <label class="check" key={value}>
              <input
                type="radio"
                name="rightClickIn"
                value={value}
                checked={chosen === value}
                onChange={() => void choose(value)}
              />
              {label}
            </label>
          ))}
          <p class="field-hint" id="right-click-hint">
            “Look up key hash” opens the side panel with its card, and the card stays there beside the page. While the
            panel is open in a window, right-click lookups there always show in it.
          </p>
        </fieldset>
      )}
      {/* A live region, not a second role=status: the page's own save status keeps that role. */}
      <p class="status" aria-live="polite">
        {status}
      </p>
    </section>
  );
}
