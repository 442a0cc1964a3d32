// The `mg` keyword, driven through the extension's real omnibox listeners: Chromium dispatches the
// events in the service worker (as it does the context-menu click); Firefox goes through its own
// urlbar glue, ExtensionSearchHandler.sys.mjs, in the browser window's chrome scope, which fires
// the same events the address bar fires. Typing in the real address bar needs a display.
// Runs under plain `node`: erasable TypeScript only.
import type { Worker } from 'playwright-core';
import type { Omnibox, OmniboxState } from './types.ts';
import { withChrome } from './extension-api.ts';

/** Chromium: events dispatched in the worker; the default row is recorded as the worker sets it
 * (Chromium has no way to read it back). */
export function chromiumOmnibox(worker: () => Worker): Omnibox {
  return {
    async type(text) {
      await withChrome(
        worker(),
        (chrome, text) => {
          const g = globalThis as typeof globalThis & { omniboxSeen?: OmniboxState };
          if (!g.omniboxSeen) {
            const original = chrome.omnibox.setDefaultSuggestion;
            chrome.omnibox.setDefaultSuggestion = (suggestion) => {
              if (g.omniboxSeen) g.omniboxSeen.defaultRow = suggestion.description;
              return original.call(chrome.omnibox, suggestion);
            };
          }
          const seen: OmniboxState = { defaultRow: g.omniboxSeen?.defaultRow ?? null, rows: null };
          g.omniboxSeen = seen;
          chrome.omnibox.onInputChanged.dispatch(text, (rows) => (seen.rows = rows as OmniboxState['rows']));
        },
        text,
      );
    },
    read: () =>
      worker().evaluate(() => {
        const { omniboxSeen } = globalThis as unknown as { omniboxSeen?: OmniboxState };
        return omniboxSeen ?? { defaultRow: null, rows: null };
      }),
    async enter(text, disposition) {
      await withChrome(
        worker(),
        (chrome, { text, disposition }) => chrome.omnibox.onInputEntered.dispatch(text, disposition),
        { text, disposition },
      );
    },
  };
}

const HANDLER = `ChromeUtils.importESModule('resource://gre/modules/ExtensionSearchHandler.sys.mjs').ExtensionSearchHandler`;
const WHERE = { currentTab: 'current', newForegroundTab: 'tab', newBackgroundTab: 'tabshifted' } as const;

/** Firefox: the urlbar's own calls, with `privileged` evaluating in the browser window. */
export function firefoxOmnibox(privileged: (statement: string) => Promise<unknown>): Omnibox {
  return {
    async type(text) {
      // handleSearch resolves only when the next input replaces this one: not awaited.
      await privileged(`(() => {
        const seen = (window.omniboxSeen = { rows: null });
        void ${HANDLER}.handleSearch({ keyword: 'mg', text: ${JSON.stringify(`mg ${text}`)} }, (rows) => {
          seen.rows = rows.map(({ content, description }) => ({ content, description }));
        });
      })()`);
    },
    async read() {
      const state = (await privileged(
        `JSON.stringify({ defaultRow: ${HANDLER}.getDescription('mg') ?? null, rows: window.omniboxSeen?.rows ?? null })`,
      )) as string;
      return JSON.parse(state) as OmniboxState;
    },
    async enter(text, disposition) {
      await privileged(`${HANDLER}.handleInputEntered('mg', ${JSON.stringify(`mg ${text}`)}, '${WHERE[disposition]}')`);
    },
  };
}
