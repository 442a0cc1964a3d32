/**
 * Said on the page (a window event) when a key starts or stops being watched from its card, so
 * that the card page's spend history, which depends on it, asks again.
 */
export const WATCH_CHANGED = 'modelgates-watch-changed';

export function announceWatchChanged(): void {
  window.dispatchEvent(new Event(WATCH_CHANGED));
}
