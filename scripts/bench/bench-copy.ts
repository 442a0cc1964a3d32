// The builds as the bench loads them: a copy of ours with what only the bench needs added, and
// the reference extension built beside it, with a copy of it carrying our worker's script (the
// cold worker's floor for our features). None is ever shipped.
// Runs under plain `node`: erasable TypeScript only.
import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROME_BUILD_DIR } from '../lib/paths.ts';
import { buildReference } from './reference/build.ts';
import { carriedFrom, makeCarrying } from './reference/carrying.ts';
import { probeWrapping } from './worker-probe.ts';

/** What the cold rows' floor carries besides our listeners (`BENCH_FLOOR`; our script by default). */
export const FLOOR_CARRIES = carriedFrom(process.env.BENCH_FLOOR);

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

export interface BenchCopy {
  /** A temporary folder holding both; removed by the bench when it is done. */
  root: string;
  /** Our build, with blank.html, the probe in its worker and the mock's origin granted. */
  extensionDir: string;
  /** The reference extension (scripts/bench/reference/), with the same probe in its worker. */
  referenceDir: string;
  /** The reference carrying our worker's script and listeners (./reference/carrying.ts), probed alike. */
  floorDir: string;
}

/**
 * The bench's copy of our build: the blank reference page added, the worker probe put around the
 * service worker's script, and the mock's origin granted at install as the production API's
 * origin is (so neither the worker nor a page needs a CORS preflight, as with the default base
 * URL). And the reference extension, built now from its sources, with the same probe and grant.
 */
export async function benchCopy(): Promise<BenchCopy> {
  const root = await mkdtemp(join(tmpdir(), 'modelgates-bench-'));
  const extensionDir = join(root, 'chrome-mv3');
  const referenceDir = join(root, 'reference');
  await cp(CHROME_BUILD_DIR, extensionDir, { recursive: true });
  await writeFile(join(extensionDir, 'blank.html'), BLANK_HTML);
  const manifest = await editManifest(extensionDir, (manifest) => ({
    ...manifest,
    host_permissions: [...(manifest.host_permissions ?? []), MOCK_ORIGIN_PATTERN],
  }));
  await buildReference(referenceDir, MOCK_ORIGIN_PATTERN);
  const floorDir = join(root, 'floor');
  await cp(referenceDir, floorDir, { recursive: true });
  // Our worker's script as shipped, before the probe is put around the copy's.
  await makeCarrying(
    floorDir,
    join(extensionDir, manifest.background?.service_worker ?? 'background.js'),
    FLOOR_CARRIES,
  );
  await probeWorker(extensionDir, manifest);
  for (const dir of [referenceDir, floorDir]) await probeWorker(dir, await editManifest(dir, (same) => same));
  return { root, extensionDir, referenceDir, floorDir };
}

interface Manifest {
  host_permissions?: string[];
  background?: { service_worker?: string };
}

async function editManifest(dir: string, edit: (manifest: Manifest) => Manifest): Promise<Manifest> {
  const path = join(dir, 'manifest.json');
  const manifest = edit(JSON.parse(await readFile(path, 'utf8')) as Manifest);
  await writeFile(path, JSON.stringify(manifest));
  return manifest;
}

/** Puts the probe (./worker-probe.ts) before and after the worker's script. */
async function probeWorker(dir: string, manifest: Manifest): Promise<void> {
  const script = manifest.background?.service_worker;
  if (!script) throw new Error(`${join(dir, 'manifest.json')} names no service worker`);
  const path = join(dir, script);
  const { before, after } = probeWrapping();
  await writeFile(path, `${before}${await readFile(path, 'utf8')}${after}`);
}
