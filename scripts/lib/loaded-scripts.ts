// Which files of a built extension a page or module loads, read from the HTML and the bundled
// code alone (no browser): the discovery behind the size figures in ./build-sizes.ts.
// Runs under plain `node`: erasable TypeScript only.

/** A stand-in origin for resolving the build's URLs; only its paths are ever used. */
const ROOT_URL = 'https://build.invalid/';

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

/** A URL from a page or chunk as a build-relative path; refuses anything outside the build. */
export function buildPath(url: string, fromPath: string): string {
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

function unique(paths: string[]): string[] {
  return [...new Set(paths)];
}
