// @vitest-environment node
// The discovery behind the size figures, on builds small enough to know the right answer by heart.
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chromeZipPath, gzipSize, measureBackgroundJs, measurePopupJs, measureZip } from './build-sizes.ts';

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

const MANIFEST = JSON.stringify({
  action: { default_popup: 'popup.html' },
  background: { service_worker: 'background.js' },
});

const POPUP_HTML = `<!DOCTYPE html><html><head>
  <script type="module" crossorigin src="/chunks/popup-a1.js"></script>
  <link rel="modulepreload" crossorigin href="/chunks/shared-b2.js">
  <link rel="stylesheet" href="/assets/popup.css">
</head><body><div id="app"></div></body></html>`;

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
});

describe('the store package wxt zip made', () => {
  it('is found under the name and version in package.json, as WXT names it', async () => {
    const root = await fakeBuild({ 'package.json': JSON.stringify({ name: 'some-extension', version: '1.2.3' }) });
    expect(await chromeZipPath(root)).toBe(join(root, '.output/some-extension-1.2.3-chrome.zip'));
  });

  it('is measured by its size on disk', async () => {
    const dir = await fakeBuild({ 'build/manifest.json': MANIFEST, 'package.zip': 'x'.repeat(1234) });
    await utimes(join(dir, 'build/manifest.json'), new Date('2000-01-01'), new Date('2000-01-01'));
    expect(await measureZip(join(dir, 'package.zip'), join(dir, 'build'))).toEqual({
      path: join(dir, 'package.zip'),
      bytes: 1234,
    });
  });

  it('is refused when missing, or older than the build (it would weigh another build)', async () => {
    const dir = await fakeBuild({ 'build/manifest.json': MANIFEST, 'package.zip': 'zip' });
    await expect(measureZip(join(dir, 'gone.zip'), join(dir, 'build'))).rejects.toThrow(/run npm run zip first/);
    await utimes(join(dir, 'build/manifest.json'), new Date('2001-01-01'), new Date('2001-01-01'));
    await utimes(join(dir, 'package.zip'), new Date('2000-01-01'), new Date('2000-01-01'));
    await expect(measureZip(join(dir, 'package.zip'), join(dir, 'build'))).rejects.toThrow(
      /is older than .*run npm run zip again/,
    );
  });
});
