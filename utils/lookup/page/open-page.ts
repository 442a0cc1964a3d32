/**
 * Opens one of this extension's pages (`/options.html`, `card.html#<hash>`) in a new tab. A plain
 * window.open keeps the browser API polyfill out of the popup's bundle, whose JavaScript is on the
 * critical path of every lookup. Without noopener Chromium gives the new tab no extension APIs,
 * and the page would stay blank.
 */
export function openOwnPage(path: string): void {
  window.open(new URL(path, location.href).href, '_blank', 'noopener');
}
