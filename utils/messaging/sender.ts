/** The parts of `runtime.MessageSender` the check looks at. */
export interface SenderLike {
  id?: string;
  url?: string;
  origin?: string;
  tab?: { url?: string };
}

/** Who we are: `runtime.id` and any `runtime.getURL(…)` of ours (Firefox serves pages from a
 * per-install uuid, not from the add-on id, so the origin is taken from getURL, not built from id). */
export interface Self {
  id: string;
  rootUrl: string;
}

/** The extension pages allowed to talk to the worker (the side panel's page included). */
const OWN_PAGES = new Set(['/popup.html', '/options.html', '/card.html', '/bulk.html', '/sidepanel.html']);

/**
 * True only for this extension's own popup, options page, card page, bulk lookup page or side
 * panel. Refused:
 * - a sender without an id, or with another extension's id;
 * - a sender without a URL, or with one that does not parse;
 * - a web page or a content-script-like sender (its URL is the page's, not ours);
 * - any other page of this extension that is not one of those;
 * - a sender whose declared origin, or whose tab's URL, is not this extension's.
 */
export function isOwnPageSender(sender: SenderLike, self: Self): boolean {
  if (!self.id || sender.id !== self.id || typeof sender.url !== 'string') return false;
  const own = extensionPage(self.rootUrl);
  const from = extensionPage(sender.url);
  if (!own || !from || from.origin !== own.origin) return false;
  if (sender.origin !== undefined && sender.origin !== own.origin) return false;
  if (sender.tab?.url !== undefined && extensionPage(sender.tab.url)?.origin !== own.origin) return false;
  return OWN_PAGES.has(from.pathname);
}

/** Origin and path of an extension page URL; null for any other URL. The origin is built by hand
 * because URL#origin is "null" for these schemes outside the browser. */
function extensionPage(url: string): { origin: string; pathname: string } | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'chrome-extension:' && parsed.protocol !== 'moz-extension:') return null;
    if (!parsed.host) return null;
    return { origin: `${parsed.protocol}//${parsed.host}`, pathname: parsed.pathname };
  } catch {
    return null;
  }
}
