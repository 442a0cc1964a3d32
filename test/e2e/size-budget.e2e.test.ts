// The popup's JavaScript budget, checked on the real build, and the discovery that feeds it,
// checked on builds small enough to know the right answer by heart.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { crc32, inflateRawSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import {
  formatKb,
  gzipSize,
  importsOfModule,
  measureBackgroundJs,
  measurePopupJs,
  POPUP_JS_BUDGET_BYTES,
  scriptsOfHtml,
  zipDirectory,
} from '../../scripts/sizes.ts';
import { CHROME_BUILD_DIR } from './harness.ts';

const made: string[] = [];

afterEach(async () => {
  await Promise.all(made.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A build folder with exactly these files. */
async function fakeBuild(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'sizes-'));
  made.push(dir);
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  return dir;
}

/**
 * Reads an archive the way unzip does: end record → central directory → each local header →
 * the data, inflated or stored, checked against the CRC the directory gives.
 */
function readZip(archive: Buffer): Array<{ name: string; content: string; crcMatches: boolean }> {
  const end = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('no end-of-central-directory record');
  const count = archive.readUInt16LE(end + 10);
  let at = archive.readUInt32LE(end + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    if (archive.readUInt32LE(at) !== 0x02014b50) throw new Error(`no central directory entry at ${at}`);
    const method = archive.readUInt16LE(at + 10);
    const crc = archive.readUInt32LE(at + 16);
    const compressed = archive.readUInt32LE(at + 20);
    const nameLength = archive.readUInt16LE(at + 28);
    const extraLength = archive.readUInt16LE(at + 30);
    const commentLength = archive.readUInt16LE(at + 32);
    const local = archive.readUInt32LE(at + 42);
    const name = archive.toString('utf8', at + 46, at + 46 + nameLength);
    if (archive.readUInt32LE(local) !== 0x04034b50) throw new Error(`no local header for ${name}`);
    const dataStart = local + 30 + archive.readUInt16LE(local + 26) + archive.readUInt16LE(local + 28);
    const data = archive.subarray(dataStart, dataStart + compressed);
    const content = method === 8 ? inflateRawSync(data) : data;
    entries.push({ name, content: content.toString('utf8'), crcMatches: crc32(content) === crc });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

const MANIFEST = JSON.stringify({
  action: { default_popup: 'popup.html' },
  background: { service_worker: 'background.js' },
});

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

describe('measurePopupJs on a fake build', () => {
  it('counts the entry, its preloads and what they import, but not other pages, lazy chunks or CSS', async () => {
    const files = {
      'manifest.json': MANIFEST,
      'popup.html': POPUP_HTML,
      'chunks/popup-a1.js': 'import{h as e}from"./shared-b2.js";import"./deep-c3.js";e("popup")',
      'chunks/shared-b2.js': 'export function h(n){return n}',
      // Reached only through another chunk: the transitive step must find it.
      'chunks/deep-c3.js': 'import"./deeper-d4.js";const x=()=>import("./lazy-e5.js");',
      'chunks/deeper-d4.js': 'console.log("deeper")',
      'chunks/lazy-e5.js': 'export const later=1',
      'chunks/options-f6.js': 'import{h}from"./shared-b2.js";h("options")',
      'assets/popup.css': 'body{margin:0}',
    };
    const dir = await fakeBuild(files);
    const popup = await measurePopupJs(dir);
    const counted = ['chunks/popup-a1.js', 'chunks/shared-b2.js', 'chunks/deep-c3.js', 'chunks/deeper-d4.js'] as const;
    expect(popup.files.map((file) => file.path)).toEqual(counted);
    expect(popup.lazy).toEqual(['chunks/lazy-e5.js']);
    expect(popup.bytes).toBe(counted.reduce((total, path) => total + Buffer.byteLength(files[path]), 0));
    expect(popup.gzipBytes).toBe(counted.reduce((total, path) => total + gzipSize(Buffer.from(files[path])), 0));
  });

  it('follows the popup the manifest names, and the background it names', async () => {
    const dir = await fakeBuild({
      'manifest.json': JSON.stringify({
        browser_action: { default_popup: 'ui/index.html' },
        background: { scripts: ['bg.js'] },
      }),
      'ui/index.html': '<script type="module" src="./main.js"></script>',
      'ui/main.js': 'import"../chunks/shared.js"',
      'chunks/shared.js': '1',
      'bg.js': 'import"./chunks/shared.js"',
    });
    expect((await measurePopupJs(dir)).files.map((file) => file.path)).toEqual(['ui/main.js', 'chunks/shared.js']);
    expect((await measureBackgroundJs(dir)).files.map((file) => file.path)).toEqual(['bg.js', 'chunks/shared.js']);
  });

  it('fails on a chunk that is imported but missing, rather than counting it as nothing', async () => {
    const dir = await fakeBuild({
      'manifest.json': MANIFEST,
      'popup.html': '<script type="module" src="/chunks/popup.js"></script>',
      'chunks/popup.js': 'import"./gone.js"',
    });
    await expect(measurePopupJs(dir)).rejects.toThrow(/chunks\/gone\.js is referenced but cannot be read/);
  });

  it('zips a build into an archive whose directory, headers, sizes and checksums match the files', async () => {
    const files = {
      'manifest.json': MANIFEST,
      'popup.html': POPUP_HTML,
      // Compresses well, so it is deflated; the one-byte file is stored.
      'chunks/popup-a1.js': 'x'.repeat(5000),
      'é.txt': '1',
    };
    const dir = await fakeBuild(files);
    expect(readZip(await zipDirectory(dir))).toEqual(
      Object.keys(files)
        .sort()
        .map((name) => ({ name, content: files[name as keyof typeof files], crcMatches: true })),
    );
  });
});

describe('the built popup (.output/chrome-mv3)', () => {
  it(`loads at most ${formatKb(POPUP_JS_BUDGET_BYTES)} of JavaScript, gzipped`, async () => {
    const popup = await measurePopupJs(CHROME_BUILD_DIR);
    const background = await measureBackgroundJs(CHROME_BUILD_DIR);
    const lines = popup.files.map(
      (file) => `  ${file.path.padEnd(40)} ${formatKb(file.gzipBytes).padStart(9)} gzipped`,
    );
    console.log(
      [
        `Popup JS: ${formatKb(popup.gzipBytes)} gzipped of ${formatKb(POPUP_JS_BUDGET_BYTES)} (${formatKb(popup.bytes)} raw)`,
        ...lines,
        `Background JS: ${formatKb(background.gzipBytes)} gzipped (${formatKb(background.bytes)} raw)`,
      ].join('\n'),
    );
    // The popup's own entry must be among the files, or the figure measures something else.
    expect(popup.files.some((file) => /popup/.test(file.path))).toBe(true);
    expect(popup.gzipBytes).toBeLessThanOrEqual(POPUP_JS_BUDGET_BYTES);
  });
});
