// The build as the bench loads it: a copy, with what only the bench needs added.
// Runs under plain `node`: erasable TypeScript only.
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROME_BUILD_DIR } from '../lib/paths.ts';

/** The mock listens on 127.0.0.1 (any port); the manifest pattern ignores the port. */
const MOCK_ORIGIN_PATTERN = 'http://127.0.0.1/*';

/**
 * The reference page for "popup ready": the least an extension page can be and still have a
 * focused text field. It lives only in the bench's copy of the build, never in the shipped one.
 */
const BLANK_HTML = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>Blank</title></head>
  <body><input id="hash" aria-label="Key hash" autofocus></body>
</html>
`;

/**
 * The bench's copy of the build: the blank reference page added, and the mock's origin granted
 * at install as the production API's origin is (so neither the worker nor the page needs a CORS
 * preflight, as with the default base URL).
 */
export async function benchCopy(): Promise<{ root: string; extensionDir: string }> {
  const root = await mkdtemp(join(tmpdir(), 'modelgates-bench-'));
  const extensionDir = join(root, 'chrome-mv3');
  await cp(CHROME_BUILD_DIR, extensionDir, { recursive: true });
  await writeFile(join(extensionDir, 'blank.html'), BLANK_HTML);
  const manifestPath = join(extensionDir, 'manifest.json');
  const manifest = JSON.parse(await readFile(manifestPath, 'utf8')) as { host_permissions?: string[] };
  manifest.host_permissions = [...(manifest.host_permissions ?? []), MOCK_ORIGIN_PATTERN];
  await writeFile(manifestPath, JSON.stringify(manifest));
  return { root, extensionDir };
}
