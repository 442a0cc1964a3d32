import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { polyfillAsEsm } from './scripts/build/polyfill-esm';
import { popupShell } from './scripts/build/popup-shell';

/** The card view (components/card/ and its model, utils/card/): what only a key's card or error
 * notice uses. The popup loads it after its first paint (components/lookup/LazyAnswer.tsx). */
const CARD_VIEW = /\/(components|utils)\/card\//;

/** The lock's views and page hooks: the popup loads them only when it finds the keys locked. */
const LOCK_VIEW = /\/(components\/lock|utils\/lock\/page)\//;

/** A module of the popup's own entry. */
const POPUP_ENTRY = /\/entrypoints\/popup\//;

interface ModuleGraph {
  getModuleInfo(id: string): { importers: readonly string[] } | null;
}

/**
 * Whether the popup imports `id` before its first paint: some chain of static imports leads to it
 * from the popup's entry. Walked up the importers, each module once per build.
 */
function loadedByPopup(id: string, graph: ModuleGraph, known = new Map<string, boolean>()): boolean {
  const seen = known.get(id);
  if (seen !== undefined) return seen;
  known.set(id, false); // a cycle in a dependency leads nowhere new
  const found =
    POPUP_ENTRY.test(id) || (graph.getModuleInfo(id)?.importers ?? []).some((by) => loadedByPopup(by, graph, known));
  known.set(id, found);
  return found;
}

/**
 * Everything the popup loads before its first paint, in one chunk: the popup's own entry file,
 * which the other pages import for the code they share with it (entrypoints/popup/main.tsx starts
 * the popup only in popup.html). The popup then asks for one file, with no second request once the
 * first has arrived: its start message leaves as soon as that file has run (README, Performance).
 * null: not this group's.
 */
function popupChunk(): (id: string, graph: ModuleGraph) => string | null {
  const known = new Map<string, boolean>();
  return (id, graph) => (loadedByPopup(id, graph, known) ? 'popup' : null);
}

/** The production API; the only origin the extension may reach without an extra grant. */
const DEFAULT_API_ORIGIN = 'https://modelgates.ai/*';

// See https://wxt.dev/api/config.html
export default defineConfig({
  // No auto-imports: every file imports what it uses, so no generated globals (test constants
  // among them) are visible anywhere.
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  // Firefox too: MV3 keeps optional_host_permissions, action.openPopup and storage.session alike.
  manifestVersion: 3,
  vite: () => ({
    // popupShell: popup.html carries the popup's first render and its styles (scripts/build/popup-shell.ts).
    // polyfillAsEsm: the polyfill without the CommonJS interop that costs each cold worker start
    // about 5 ms (scripts/build/polyfill-esm.ts).
    plugins: [preact(), popupShell(), polyfillAsEsm()],
    // What pages share is split by who loads it, the popup's first paint first (`popupChunk`).
    build: {
      rolldownOptions: {
        output: {
          codeSplitting: {
            groups: [
              // The CSV writer, for the bulk page's export and the card page's history.
              { name: 'csv', test: /node_modules[\\/]papaparse[\\/]/, priority: 4 },
              { name: popupChunk(), debugName: 'popup', priority: 3 },
              // The card's and the lock's views: loaded when needed (components/lookup/LazyAnswer.tsx,
              // components/lock/LazyUnlockForm.tsx), not before the popup's field takes keys.
              { name: 'card-view', test: CARD_VIEW, minShareCount: 2, priority: 2 },
              { name: 'lock-view', test: LOCK_VIEW, minShareCount: 2, priority: 2 },
              // The rest that pages share, which the popup never loads.
              { name: 'pages', minShareCount: 2, priority: 1 },
            ],
          },
        },
      },
    },
  }),
  manifest: ({ browser }) => ({
    name: 'ModelGates Key Lookup',
    description: 'Look up a ModelGates API key by its hash: owner, status, spend and limits in one click.',
    // activeTab + scripting: "Find key hashes on this page" reads the current tab's text once, on the
    // user's click, and no other page ever. alarms: the watched keys' periodic check and the lock's
    // auto-lock. idle: "Lock when the computer locks". None of them adds an install-time warning.
    permissions: ['storage', 'contextMenus', 'activeTab', 'scripting', 'alarms', 'idle'],
    // Asked for only when "Show desktop notifications" is turned on in the options' Alerts.
    optional_permissions: ['notifications'],
    host_permissions: [DEFAULT_API_ORIGIN],
    // Any other API base URL (a staging host, a local mock) is asked for on the options page, by
    // the user's click on "Grant access"; without it the lookup is an ordinary CORS request.
    optional_host_permissions: ['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*'],
    action: { default_title: 'Look up a ModelGates key hash' },
    // `mg <hash>` in the address bar: no permission, no install-time warning.
    omnibox: { keyword: 'mg' },
    // The side panel (entrypoints/sidepanel/: Chrome's side_panel, Firefox's sidebar_action, and
    // the `sidePanel` permission in Chrome, which adds no install-time warning) gets a command with
    // no suggested key, so that it takes none from the page or another extension: the user sets one
    // on the browser's shortcut page (options → Keyboard shortcuts). Firefox opens its sidebar on
    // its own `_execute_sidebar_action`; Chrome's is ours (utils/panel/background/open-panel.ts).
    commands: {
      _execute_action: {
        suggested_key: { default: 'Alt+Shift+K' },
        description: 'Open ModelGates Key Lookup',
      },
      ...(browser === 'firefox'
        ? { _execute_sidebar_action: { description: 'Open the side panel' } }
        : { 'open-side-panel': { description: 'Open the side panel' } }),
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // data_collection_permissions is known to desktop Firefox from 140 (so ESR 140 installs
            // the add-on) and to Firefox for Android from 142.
            gecko: {
              id: 'key-lookup@modelgates.ai',
              strict_min_version: '140.0',
              // What leaves the browser, in Mozilla's taxonomy (the reasons: store/firefox.md and the
              // README's "Publishing"): each account's management key goes to that account's API origin
              // (authenticationInfo); a hash the user selects on a page, or that "Find key hashes on
              // this page" reads from it, goes to the same origins (websiteContent). Both are the
              // lookup itself, so they are required. History, cache and watchlist stay in the browser.
              data_collection_permissions: { required: ['authenticationInfo', 'websiteContent'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  // `npm run zip`: the Chrome and Firefox store packages, and the sources zip Mozilla's reviewers
  // rebuild the Firefox package from (`npm ci && npm run build:firefox`). The sources are an
  // allowlist of what that build reads, so screenshots, bench, demo and test output never ship to
  // a reviewer by accident; test files are left out by WXT's own default exclusions. Besides the
  // build's inputs: .npmrc (npm ci reads it), the changelog, and the mock API (`npm run mock-api`),
  // with which a reviewer tries the add-on without a real management key (store/firefox.md).
  // test/build/source-rebuild.test.ts rebuilds the Firefox package from this zip.
  zip: {
    includeSources: [
      'package.json',
      'package-lock.json',
      '.npmrc',
      'tsconfig.json',
      'wxt.config.ts',
      'README.md',
      'PRIVACY.md',
      'CHANGELOG.md',
      'LICENSE*',
      'entrypoints/**',
      'components/**',
      'utils/**',
      'assets/**',
      'public/**',
      'test/mock-api/**',
      // The build step that writes the popup's first render into popup.html (imported above).
      'scripts/build/**',
    ],
    // Reviewers rebuild from these; tests and their fixtures are not needed for that.
    excludeSources: ['**/*.test.ts', '**/*.test.tsx'],
  },
});
