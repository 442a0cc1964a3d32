// What a built extension weighs: the JavaScript the popup loads before it can show anything,
// the background's JavaScript, and the whole package. No browser: it reads the build folder.
// Used by scripts/bench.ts and test/e2e/size-budget.e2e.test.ts; `node scripts/sizes.ts [DIR]`
// prints the figures. Runs under plain `node`: erasable TypeScript only.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { crc32, deflateRawSync, gzipSync } from 'node:zlib';

/**
 * The popup's JavaScript, gzipped. Every lookup starts by opening the popup, and every byte of
 * this is parsed before "Key hash" takes a keystroke; Preact with hooks alone is about 6 KB.
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
  /** The build folder zipped in memory (deflate level 9, as `wxt zip` does). */
  zipBytes: number;
}

/** A stand-in origin for resolving the build's URLs; only its paths are ever used. */
const ROOT_URL = 'https://build.invalid/';

export function gzipSize(content: Uint8Array): number {
  return gzipSync(content, { level: 9 }).length;
}

/**
 * The scripts an HTML page loads before it runs: every `<script src>` (module or classic) and
 * every `<link rel="modulepreload">`, in document order, as build-relative paths.
 */
export function scriptsOfHtml(html: string, htmlPath: string): string[] {
  const found: string[] = [];
  // Comments could hide a tag that is never loaded.
  const live = html.replace(/<!--[\s\S]*?-->/g, '');
  for (const tag of live.matchAll(/<(script|link)\b([^>]*)>/gi)) {
    const name = (tag[1] ?? '').toLowerCase();
    const attributes = attributesOf(tag[2] ?? '');
    const rel = (attributes.get('rel') ?? '').toLowerCase().split(/\s+/);
    const url =
      name === 'script' ? attributes.get('src') : rel.includes('modulepreload') ? attributes.get('href') : undefined;
    if (url !== undefined) found.push(buildPath(url, htmlPath));
  }
  return unique(found);
}

/**
 * The relative specifiers a bundled ES module imports: `import … from`, bare `import "…"` and
 * `export … from` are loaded with the module; `import("…")` only when that code runs.
 */
export function importsOfModule(code: string, modulePath: string): { static: string[]; dynamic: string[] } {
  const fixed: string[] = [];
  const dynamic: string[] = [];
  // Bundlers put static imports at the module's top level, after a statement boundary or at the
  // very start; the specifier class stops at `(`, so `import(` never matches here.
  for (const match of code.matchAll(
    /(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{}\s,]*?\s*from\s*)?["']([^"'\n]+)["']/g,
  )) {
    if (isLocal(match[1])) fixed.push(buildPath(match[1], modulePath));
  }
  for (const match of code.matchAll(/\bimport\(\s*["']([^"'\n]+)["']\s*\)/g)) {
    if (isLocal(match[1])) dynamic.push(buildPath(match[1], modulePath));
  }
  return { static: unique(fixed), dynamic: unique(dynamic) };
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
 * The build folder as a zip archive, made in memory: files in path order, each deflated at level
 * 9 (stored when that is not smaller). The same choices as `wxt zip`, so the size is what a store
 * upload weighs, give or take a few header bytes.
 */
export async function zipDirectory(dir: string): Promise<Buffer> {
  const paths = await filesUnder(dir);
  const parts: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const path of paths) {
    const data = await readFile(join(dir, path));
    const deflated = deflateRawSync(data, { level: 9 });
    const stored = deflated.length >= data.length;
    const body = stored ? data : deflated;
    const name = Buffer.from(path, 'utf8');
    const crc = crc32(data);
    // DOS date 1980-01-01, 00:00: a fixed time keeps the archive's bytes independent of the clock.
    const entry = {
      method: stored ? 0 : 8,
      time: 0,
      date: (1 << 5) | 1,
      crc,
      compressed: body.length,
      size: data.length,
    };

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names are UTF-8
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt16LE(entry.time, 10);
    local.writeUInt16LE(entry.date, 12);
    local.writeUInt32LE(entry.crc, 14);
    local.writeUInt32LE(entry.compressed, 18);
    local.writeUInt32LE(entry.size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    parts.push(local, name, body);

    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(entry.method, 10);
    central.writeUInt16LE(entry.time, 12);
    central.writeUInt16LE(entry.date, 14);
    central.writeUInt32LE(entry.crc, 16);
    central.writeUInt32LE(entry.compressed, 20);
    central.writeUInt32LE(entry.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    directory.push(central, name);
    offset += local.length + name.length + body.length;
  }
  const directoryBytes = sum(directory.map((part) => part.length));
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(paths.length, 8);
  end.writeUInt16LE(paths.length, 10);
  end.writeUInt32LE(directoryBytes, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, ...directory, end]);
}

export async function measureBuild(buildDir: string): Promise<BuildSizes> {
  return {
    popupJs: await measurePopupJs(buildDir),
    backgroundJs: await measureBackgroundJs(buildDir),
    zipBytes: (await zipDirectory(buildDir)).length,
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

/** A URL from a page or chunk as a build-relative path; refuses anything outside the build. */
function buildPath(url: string, fromPath: string): string {
  const resolved = new URL(url, new URL(fromPath, ROOT_URL));
  if (resolved.origin !== new URL(ROOT_URL).origin) {
    throw new Error(`${fromPath || 'manifest.json'} loads ${url}, which is not a file of the extension`);
  }
  return decodeURIComponent(resolved.pathname).replace(/^\//, '');
}

function isLocal(specifier: string | undefined): specifier is string {
  return specifier !== undefined && /^(\.{1,2})?\//.test(specifier);
}

function attributesOf(source: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of source.matchAll(/([^\s=/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    attributes.set((match[1] ?? '').toLowerCase(), match[2] ?? match[3] ?? match[4] ?? '');
  }
  return attributes;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

function unique(paths: string[]): string[] {
  return [...new Set(paths)];
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

if (import.meta.main) {
  const buildDir = resolve(process.argv[2] ?? join(import.meta.dirname, '../.output/chrome-mv3'));
  const sizes = await measureBuild(buildDir);
  for (const [what, js] of [
    ['Popup', sizes.popupJs],
    ['Background', sizes.backgroundJs],
  ] as const) {
    console.log(`${what} JS: ${formatKb(js.gzipBytes)} gzipped (${formatKb(js.bytes)} raw)`);
    for (const file of js.files) console.log(`  ${file.path}  ${formatKb(file.gzipBytes)} gzipped`);
    if (js.lazy.length > 0) console.log(`  on demand: ${js.lazy.join(', ')}`);
  }
  console.log(`Whole zip (made in memory): ${formatKb(sizes.zipBytes)}`);
  console.log(
    `Popup budget ${formatKb(POPUP_JS_BUDGET_BYTES)}: ${sizes.popupJs.gzipBytes <= POPUP_JS_BUDGET_BYTES ? 'pass' : 'FAIL'}`,
  );
}
