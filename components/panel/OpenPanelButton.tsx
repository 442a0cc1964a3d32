import { usePanelOpener } from '@/utils/panel/page/use-panel-opener';

/** The popup's way to the side panel, which keeps the cards beside the page. */
export function OpenPanelButton() {
  const panel = usePanelOpener();
  if (!panel.available) return null;
  return (
    <>
      <button type="button" class="button--small" onClick={panel.open}>
        Open side panel
      </button>
      {panel.error && (
        <p class="field-error popup-ways__error" role="alert">
          {panel.error}
        </p>
      )}
    </>
  );
}
