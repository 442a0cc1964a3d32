// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { importsOfModule, scriptsOfHtml } from './loaded-scripts.ts';

// The shape Vite gives: the entry as a module script, shared chunks as modulepreload links.
const POPUP_HTML = `<!DOCTYPE html><html><head>
  <script type="module" crossorigin src="/chunks/popup-a1.js"></script>
  <link rel="modulepreload" crossorigin href="/chunks/shared-b2.js">
  <link rel="stylesheet" href="/assets/popup.css">
</head><body><div id="app"></div></body></html>`;

describe('scriptsOfHtml', () => {
  it.each([
    [
      'a module script and a modulepreload, not the stylesheet',
      POPUP_HTML,
      'popup.html',
      ['chunks/popup-a1.js', 'chunks/shared-b2.js'],
    ],
    [
      'a classic script with a relative src, from a page in a folder',
      '<script src="./main.js"></script>',
      'popup/index.html',
      ['popup/main.js'],
    ],
    [
      'single quotes, unquoted values and upper-case tags',
      "<SCRIPT type=module src='/a.js'></SCRIPT><link href=/b.js rel=modulepreload>",
      'popup.html',
      ['a.js', 'b.js'],
    ],
    [
      'a file named twice, once',
      '<script type="module" src="/a.js"></script><link rel="modulepreload" href="/a.js">',
      'popup.html',
      ['a.js'],
    ],
    [
      'nothing from an inline script, a plain preload or a comment',
      '<script>1</script><link rel="preload" href="/font.woff2"><!-- <script src="/old.js"></script> -->',
      'popup.html',
      [],
    ],
  ])('finds %s', (_what, html, page, expected) => {
    expect(scriptsOfHtml(html, page)).toEqual(expected);
  });

  it('refuses a script from outside the extension', () => {
    expect(() => scriptsOfHtml('<script src="https://cdn.example/x.js"></script>', 'popup.html')).toThrow(
      /not a file of the extension/,
    );
  });
});

describe('importsOfModule', () => {
  it.each([
    [
      'minified named imports',
      'import{a as e,b as t}from"./shared-b2.js";e(t)',
      { static: ['chunks/shared-b2.js'], dynamic: [] },
    ],
    [
      'a side-effect import and a re-export',
      'import"./polyfill.js";export*from"../lib/x.js";',
      { static: ['chunks/polyfill.js', 'lib/x.js'], dynamic: [] },
    ],
    [
      'default and namespace imports on their own lines',
      'import p from "./p.js"\nimport * as q from \'./q.js\'',
      { static: ['chunks/p.js', 'chunks/q.js'], dynamic: [] },
    ],
    ['a dynamic import, kept apart', 'const m=()=>import("./lazy.js");', { static: [], dynamic: ['chunks/lazy.js'] }],
    [
      'nothing from a bare package name or an identifier ending in "import"',
      'import"preact";const reimport="./no.js";',
      { static: [], dynamic: [] },
    ],
  ])('%s', (_what, code, expected) => {
    expect(importsOfModule(code, 'chunks/popup-a1.js')).toEqual(expected);
  });
});
