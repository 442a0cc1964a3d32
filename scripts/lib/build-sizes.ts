// What a built extension weighs: the JavaScript the popup loads before it can show anything,
// the background's JavaScript, and the store package `wxt zip` made. No browser: it reads the
// build folder and the zip. Used by the bench (scripts/bench/) and test/build/size-budget.test.ts.
// Runs under plain `node`: erasable TypeScript only.
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildPath, importsOfModule, scriptsOfHtml } from './loaded-scripts.ts';

/**
 * The popup's JavaScript, gzipped. Every lookup starts by opening the popup, and every byte of
 * this is parsed before "Key hash" takes a keystroke; Preact with hooks alone is about 6 KB.
 * The card's own components load after the first paint (entrypoints/popup/LazyAnswer.tsx), so
 * the watchlist, "Find key hashes on this page" and "Look up all N" fit in the first 15 KB again.
 */
export const POPUP_JS_BUDGET_BYTES = 15 * 1024;

export interface FileSize {
  /** Relative to the build folder, with forward slashes. */
  path: string;
  bytes: number;
  /** zlib gzip at level 9, the file on its own. */
  gzipBytes: number;
}

export interface JsSize {
  /** Every file loaded up front, entries first, each once. */
  files: FileSize[];
  bytes: number;
  /** The sum of the files' own gzip sizes (each file is fetched separately). */
  gzipBytes: number;
  /** Files only reached through `import()`: loaded on demand, so not counted above. */
  lazy: string[];
}

export interface BuildSizes {
  popupJs: JsSize;
  backgroundJs: JsSize;
  zip: ZipSize;
}

export interface ZipSize {
  /** The store package, as `wxt zip` wrote it. */
  path: string;
  bytes: number;
}

export function gzipSize(content: Uint8Array): number {
  return gzipSync(content, { level: 9 }).length;
}

/** `entries` and everything they import statically, transitively, with their sizes. */
export async function measureJs(buildDir: string, entries: string[]): Promise<JsSize> {
  const files: FileSize[] = [];
  const seen = new Set<string>();
  const lazy = new Set<string>();
  const queue = [...entries];
  for (let path = queue.shift(); path !== undefined; path = queue.shift()) {
    if (seen.has(path)) continue;
    seen.add(path);
    const content = await readBuildFile(buildDir, path);
    files.push({ path, bytes: content.length, gzipBytes: gzipSize(content) });
    const imports = importsOfModule(content.toString('utf8'), path);
    queue.push(...imports.static);
    for (const dynamic of imports.dynamic) lazy.add(dynamic);
  }
  return {
    files,
    bytes: sum(files.map((file) => file.bytes)),
    gzipBytes: sum(files.map((file) => file.gzipBytes)),
    lazy: [...lazy].filter((path) => !seen.has(path)),
  };
}

/** The popup page the manifest names (MV3 `action`, MV2 `browser_action`). */
export async function popupPageOf(buildDir: string): Promise<string> {
  const manifest = await readManifest(buildDir);
  const popup = manifest.action?.default_popup ?? manifest.browser_action?.default_popup;
  if (popup === undefined) throw new Error(`${join(buildDir, 'manifest.json')} names no popup page`);
  return buildPath(popup, '');
}

export async function measurePopupJs(buildDir: string): Promise<JsSize> {
  const page = await popupPageOf(buildDir);
  const html = (await readBuildFile(buildDir, page)).toString('utf8');
  const entries = scriptsOfHtml(html, page);
  if (entries.length === 0) throw new Error(`${page} loads no script: is ${buildDir} a popup build?`);
  return measureJs(buildDir, entries);
}

/** The service worker (Chrome) or background scripts (Firefox) and their static imports. */
export async function measureBackgroundJs(buildDir: string): Promise<JsSize> {
  const { background } = await readManifest(buildDir);
  const entries = [
    ...(background?.service_worker === undefined ? [] : [background.service_worker]),
    ...(background?.scripts ?? []),
  ].map((path) => buildPath(path, ''));
  if (entries.length === 0) throw new Error(`${join(buildDir, 'manifest.json')} names no background script`);
  return measureJs(buildDir, entries);
}

/**
 * Where `wxt zip` writes the Chrome store package: WXT's default name,
 * `{{name}}-{{packageVersion}}-{{browser}}.zip`, in `.output/`.
 */
export async function chromeZipPath(projectRoot: string): Promise<string> {
  const { name, version } = JSON.parse(await readFile(join(projectRoot, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
  };
  return join(projectRoot, '.output', `${name}-${version}-chrome.zip`);
}

/** The package's size; refuses a missing package, or one made before the build it should hold. */
export async function measureZip(zipPath: string, buildDir: string): Promise<ZipSize> {
  const zip = await stat(zipPath).catch(() => undefined);
  if (zip === undefined) throw new Error(`No ${zipPath}: run npm run zip first.`);
  const built = await stat(join(buildDir, 'manifest.json'));
  if (zip.mtimeMs < built.mtimeMs) throw new Error(`${zipPath} is older than ${buildDir}: run npm run zip again.`);
  return { path: zipPath, bytes: zip.size };
}

export async function measureBuild(buildDir: string, zipPath: string): Promise<BuildSizes> {
  return {
    popupJs: await measurePopupJs(buildDir),
    backgroundJs: await measureBackgroundJs(buildDir),
    zip: await measureZip(zipPath, buildDir),
  };
}

/** "14.1 KB" (1 KB = 1024 bytes, as the budgets are written). */
export function formatKb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

interface Manifest {
  action?: { default_popup?: string };
  browser_action?: { default_popup?: string };
  background?: { service_worker?: string; scripts?: string[] };
}

async function readManifest(buildDir: string): Promise<Manifest> {
  return JSON.parse((await readBuildFile(buildDir, 'manifest.json')).toString('utf8')) as Manifest;
}

async function readBuildFile(buildDir: string, path: string): Promise<Buffer> {
  try {
    return await readFile(join(buildDir, ...path.split('/')));
  } catch (error) {
    // A page or chunk that points at a missing file is a broken build, not a small one.
    throw new Error(`${path} is referenced but cannot be read in ${buildDir}: ${(error as Error).message}`);
  }
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
