// The popup's first paint without waiting for its scripts: at build time, the popup's first render
// (the "Key hash" field, its button, the empty result area) is written into popup.html, and the
// popup's stylesheet is inlined there. The browser then paints and focuses the field as soon as
// the HTML is parsed; the scripts hydrate it when they have run (entrypoints/popup/mount.tsx), and
// what was typed meanwhile is kept. Loaded by wxt.config.ts.
import preact from '@preact/preset-vite';
import type * as Preact from 'preact';
import type * as PreactRenderToString from 'preact-render-to-string';
import { createServer, type IndexHtmlTransformContext, type Plugin } from 'vite';
import type * as PopupApp from '../../entrypoints/popup/App';

/** The popup's HTML entry, as Vite names it. */
const POPUP_HTML = /\/entrypoints\/popup\/index\.html$/;
const EMPTY_ROOT = '<div id="app"></div>';

/** Stands in for the extension API while the popup renders in Node: its first render calls none. */
const FAKE_BROWSER_ID = '\0popup-shell:fake-browser';
const FAKE_BROWSER = `import { fakeBrowser } from 'wxt/testing/fake-browser';
export const browser = fakeBrowser;
export default fakeBrowser;`;

export function popupShell(): Plugin {
  let root = '';
  return {
    name: 'modelgates:popup-shell',
    apply: 'build',
    configResolved: (config) => void (root = config.root),
    transformIndexHtml: {
      order: 'post',
      async handler(html, ctx) {
        if (!POPUP_HTML.test(ctx.filename)) return html;
        if (!html.includes(EMPTY_ROOT)) throw new Error(`popup-shell: ${ctx.filename} has no ${EMPTY_ROOT}`);
        const shell = await renderPopup(root);
        return scriptsAfterShell(inlineStylesheets(html.replace(EMPTY_ROOT, `<div id="app">${shell}</div>`), ctx));
      },
    },
  };
}

/** The popup's first render (App with no start reply yet), as HTML, rendered in Node. */
export async function renderPopup(root: string): Promise<string> {
  const server = await createServer({
    configFile: false,
    root,
    logLevel: 'error',
    appType: 'custom',
    plugins: [
      preact(),
      {
        name: 'popup-shell:fake-browser',
        resolveId: (id) => (id === 'wxt/browser' || id === 'webextension-polyfill' ? FAKE_BROWSER_ID : null),
        load: (id) => (id === FAKE_BROWSER_ID ? FAKE_BROWSER : null),
      },
    ],
    resolve: { alias: [{ find: /^@\//, replacement: `${root}/` }] },
    // Every import goes through Vite, so that the stand-in replaces the API wherever it is imported.
    ssr: { noExternal: true },
    optimizeDeps: { noDiscovery: true, include: [] },
    server: { middlewareMode: true, hmr: false, ws: false, watch: null },
  });
  try {
    // Preact, its renderer and the popup from the same module graph: one Preact, whose hooks work.
    const { h } = (await server.ssrLoadModule('preact')) as typeof Preact;
    const { renderToString } = (await server.ssrLoadModule('preact-render-to-string')) as typeof PreactRenderToString;
    const { App } = (await server.ssrLoadModule('/entrypoints/popup/App.tsx')) as typeof PopupApp;
    return renderToString(h<PopupApp.AppProps>(App, {}));
  } finally {
    await server.close();
  }
}

const MODULE_SCRIPT = /[ \t]*<script type="module"[^>]*><\/script>\n?/g;
const MODULE_PRELOAD = /[ \t]*<link rel="modulepreload"[^>]*>\n?/g;

/**
 * The popup's scripts after its shell, as popup/index.html has them (Vite moves them into the
 * head), and no preload of the chunks they import. Requested from the head, the chunks arrived
 * while the first frame was due, and taking them in pushed the focused field's first paint back
 * (not compiling them: V8's code cache serves that in about 0.1 ms). In alternating bench runs
 * (BENCH_ONLY=ready, load average 2-4), popup ready measured 1.06x-1.20x of the blank page in 6
 * runs with them in the head, 1.02x-1.07x in 8 runs after the shell; the history list, which waits
 * for the scripts, 1.28x-1.43x and 1.37x-1.48x.
 */
export function scriptsAfterShell(html: string): string {
  const scripts = html.match(MODULE_SCRIPT) ?? [];
  if (scripts.length === 0) throw new Error('popup-shell: popup.html has no module script');
  if (!html.includes('</body>')) throw new Error('popup-shell: popup.html has no </body>');
  const rest = html.replace(MODULE_SCRIPT, '').replace(MODULE_PRELOAD, '');
  return rest.replace('</body>', `${scripts.map((tag) => tag.trim()).join('')}\n  </body>`);
}

const STYLESHEET_LINK = /<link rel="stylesheet"[^>]*href="\/([^"]+\.css)"[^>]*>/g;

/**
 * Each stylesheet link replaced by the stylesheet itself: a linked one is another file to fetch
 * before the first paint. Extension pages allow inline styles (their CSP restricts scripts only).
 */
export function inlineStylesheets(html: string, { bundle }: Pick<IndexHtmlTransformContext, 'bundle'>): string {
  return html.replace(STYLESHEET_LINK, (link, file: string) => {
    const asset = bundle?.[file];
    if (asset?.type !== 'asset') throw new Error(`popup-shell: ${file} is not in the bundle`);
    const css = typeof asset.source === 'string' ? asset.source : new TextDecoder().decode(asset.source);
    return `<style>${css}</style>`;
  });
}
