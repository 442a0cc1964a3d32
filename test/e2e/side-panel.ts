// What the side panel page shows, read in the page (driver-independent), for the panel tests.
import { waitUntil } from './driver/wait.ts';
import { withChrome, type ExtensionApi } from './driver/extension-api.ts';
import type { ExtensionPage } from './driver/types.ts';

export interface PanelState {
  /** The stack's keys, top first, by the name on each card's line. */
  names: string[];
  /** Whether each card is open (its whole card shown) or collapsed to its line. */
  open: boolean[];
  /** Each card's one line, whitespace collapsed. */
  lines: string[];
  /** Whole cards on screen, in the stack and anywhere else. */
  cards: number;
  field: string;
  /** The id of the element with the focus. */
  focused: string | null;
  /** What the field's own area shows (spinner, choice, why nothing was found), whitespace collapsed. */
  result: string;
  /** The stack's words when it is empty; null while it holds keys. */
  empty: string | null;
}

/** The panel as it is now (in a panel page, or in any document of the same markup). */
export function readPanel(page: ExtensionPage): Promise<PanelState> {
  return withChrome(page, readPanelDocument, null);
}

/** Runs in the page (withChrome): reads `document`, or the document of the sidebar view when asked to. */
export function readPanelDocument(chrome: ExtensionApi, view: 'sidebar' | null): PanelState {
  const doc = view === null ? document : chrome.extension.getViews({ type: view })[0]?.document;
  if (!doc) throw new Error('no side panel view');
  const texts = (selector: string) =>
    Array.from(doc.querySelectorAll(selector), (e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim());
  return {
    names: texts('.stack-card__name'),
    open: Array.from(doc.querySelectorAll('.stack-card__line'), (e) => e.getAttribute('aria-expanded') === 'true'),
    lines: texts('.stack-card__line'),
    cards: doc.querySelectorAll('article[aria-label="Key details"]').length,
    field: (doc.getElementById('hash') as HTMLInputElement | null)?.value ?? '',
    focused: doc.activeElement?.id || null,
    result: texts('.panel-result')[0] ?? '',
    empty: texts('.stack__empty')[0] ?? null,
  };
}

/** Waits until the stack lists exactly these keys, top first; returns the panel as it is then. */
export async function waitForStack(page: ExtensionPage, names: string[]): Promise<PanelState> {
  let last: PanelState | undefined;
  try {
    return await waitUntil(`the stack to read ${names.join(', ')}`, async () => {
      last = await readPanel(page);
      return JSON.stringify(last.names) === JSON.stringify(names) ? last : undefined;
    });
  } catch (error) {
    throw new Error(`${String(error)}; it reads ${JSON.stringify(last?.names)}`);
  }
}

/** How many times the worker has taken the panel's port so far. */
export function connections(page: ExtensionPage): Promise<number> {
  return page.evaluate(() => Number(document.querySelector('.stack')?.getAttribute('data-connections') ?? 0));
}

/** Opens the side panel's page by its address, once the worker has sent it its stack. */
export async function openPanelPage(open: (path: string) => Promise<ExtensionPage>): Promise<ExtensionPage> {
  const page = await open('sidepanel.html');
  await waitUntil('the panel’s port to be connected', async () => ((await connections(page)) > 0 ? true : undefined));
  return page;
}
