import { describe, expect, it } from 'vitest';
import { inlineStylesheets, scriptsAfterShell } from './popup-shell';

const asset = (source: string | Uint8Array) => ({ type: 'asset' as const, source });

describe('inlining the popup’s stylesheets', () => {
  it('puts each linked stylesheet’s text where its link was, text or bytes', () => {
    const html =
      '<head><link rel="stylesheet" crossorigin href="/assets/shared-1.css"><link rel="stylesheet" href="/assets/b.css"></head>';
    const bundle = {
      'assets/shared-1.css': asset('.a{color:red}'),
      'assets/b.css': asset(new TextEncoder().encode('.b{margin:0}')),
    };
    expect(inlineStylesheets(html, { bundle } as never)).toBe(
      '<head><style>.a{color:red}</style><style>.b{margin:0}</style></head>',
    );
  });

  it('leaves other links alone', () => {
    const html = '<link rel="modulepreload" crossorigin href="/chunks/shared.js">';
    expect(inlineStylesheets(html, { bundle: {} } as never)).toBe(html);
  });

  it('refuses a stylesheet the bundle does not hold, rather than ship an unstyled popup', () => {
    expect(() => inlineStylesheets('<link rel="stylesheet" href="/assets/gone.css">', { bundle: {} } as never)).toThrow(
      /gone\.css/,
    );
  });
});

describe('the popup’s scripts after its shell', () => {
  const built = [
    '<html>',
    '  <head>',
    '    <title>Popup</title>',
    '    <script type="module" crossorigin src="/chunks/popup-1.js"></script>',
    '    <link rel="modulepreload" crossorigin href="/chunks/shared-2.js">',
    '    <style>.a{color:red}</style>',
    '  </head>',
    '  <body>',
    '    <div id="app"><input id="hash" autofocus></div>',
    '  </body>',
    '</html>',
  ].join('\n');

  it('moves the module script from the head to the end of the body and drops the chunk preload', () => {
    expect(scriptsAfterShell(built)).toBe(
      [
        '<html>',
        '  <head>',
        '    <title>Popup</title>',
        '    <style>.a{color:red}</style>',
        '  </head>',
        '  <body>',
        '    <div id="app"><input id="hash" autofocus></div>',
        '  <script type="module" crossorigin src="/chunks/popup-1.js"></script>',
        '  </body>',
        '</html>',
      ].join('\n'),
    );
  });

  it('refuses a page with no module script, rather than ship a popup that never starts', () => {
    expect(() => scriptsAfterShell('<html><head></head><body></body></html>')).toThrow(/no module script/);
  });
});
