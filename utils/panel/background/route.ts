import type { Lookup } from '../../lookup/background/lookup-service';
import { openPanelIn } from './open-panel';
import { isPanelOpenIn, postToWindow } from './panels';
import { fileInPlace, fileOnTop } from './stack-store';

/** A right-click lookup on its way to the side panel of the window it was made in. */
export interface PanelRoute {
  /** Settles once the panel is open: at once when it already was; rejects when it could not be
   * opened (the popup then shows the lookup instead). */
  opened: Promise<void>;
  /** The lookup has started: its card goes on the stack, and the panel shows it coming. */
  follow(lookup: Lookup): void;
  /** The selection held no single hash: the panel shows why (the record is written first). */
  tell(): void;
}

/**
 * Where a right-click's card shows, decided synchronously in the menu click's handler: the side
 * panel when one is open in that window, or, with "Show right-click lookups in: the side panel",
 * the panel opened now (before any await: opening it needs the click's user gesture). Null: the
 * popup, as before.
 */
export function routeToPanel(windowId: number | undefined, openIfClosed: boolean): PanelRoute | null {
  if (windowId === undefined) return null;
  const open = isPanelOpenIn(windowId);
  if (!open && !openIfClosed) return null;
  const opened = open ? Promise.resolve() : openPanelIn(windowId);
  return {
    opened,
    follow(lookup) {
      followLookup(lookup);
      // A panel that is opening now is not connected yet: it takes the lookup as it starts.
      postToWindow(windowId, { kind: 'rightClick', hash: lookup.hash });
    },
    tell() {
      postToWindow(windowId, { kind: 'rightClick', hash: null });
    },
  };
}

/** Puts a lookup's card on the stack when a key is found, and keeps it there as the other
 * accounts answer. An answer that found nothing leaves the stack as it is. */
export function followLookup(lookup: Lookup): void {
  let first = '';
  void lookup.result
    .then((answer) => {
      first = JSON.stringify(answer);
      return fileOnTop(lookup.hash, answer);
    })
    .then(() => lookup.complete)
    .then((answer) => (JSON.stringify(answer) === first ? undefined : fileInPlace(lookup.hash, answer)))
    .catch(() => {
      // The stack could not be written (session storage full or gone): the panel that asked
      // still shows the card it was answered with, and the next lookup writes the stack again.
    });
}
