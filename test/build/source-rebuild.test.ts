// The sources zip that `npm run zip` writes for Mozilla's reviewers rebuilds the Firefox package:
// unpacked into a temporary folder, `npm ci` (from the npm cache where it can) and
// `npm run build:firefox` there give the very files of the Firefox zip, byte for byte. That is
// what a reviewer does with it (store/firefox.md). Needs `npm run zip` first; most of its time is
// npm ci, and it prints how long each step took.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../scripts/lib/paths.ts';

const run = promisify(execFile);
const { name, version } = JSON.parse(await readFile(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
};
const SOURCES_ZIP = join(PROJECT_ROOT, '.output', `${name}-${version}-sources.zip`);
const FIREFOX_ZIP = join(PROJECT_ROOT, '.output', `${name}-${version}-firefox.zip`);

/** A zip's files (not its folder entries) by path. */
async function unzip(path: string): Promise<Map<string, Buffer>> {
  let data: Buffer;
  try {
    data = await readFile(path);
  } catch {
    throw new Error(`No ${relative(PROJECT_ROOT, path)}: run npm run zip first.`);
  }
  const zip = await JSZip.loadAsync(data);
  const files = new Map<string, Buffer>();
  for (const entry of Object.values(zip.files)) {
    if (!entry.dir) files.set(entry.name, await entry.async('nodebuffer'));
  }
  return files;
}

async function filesUnder(dir: string, root = dir): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) for (const [file, data] of await filesUnder(path, root)) files.set(file, data);
    else files.set(relative(root, path), await readFile(path));
  }
  return files;
}

/** The environment a reviewer's shell would have: none of the test runner's own variables. */
function reviewerEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(VITEST|NODE_ENV$|TEST$|MODE$|PROD$|DEV$|SSR$)/.test(key)),
  );
}

async function timed(label: string, command: string, args: string[], cwd: string): Promise<void> {
  const started = performance.now();
  try {
    await run(command, args, { cwd, env: reviewerEnv(), maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`${label} failed in the unpacked sources:\n${`${stdout}\n${stderr}`.trim().slice(-4000)}`);
  }
  console.log(`source rebuild: ${label} took ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

describe(`the Firefox sources zip (${relative(PROJECT_ROOT, SOURCES_ZIP)})`, () => {
  let sources: Map<string, Buffer>;
  let firefox: Map<string, Buffer>;
  let work: string | undefined;

  beforeAll(async () => {
    [sources, firefox] = await Promise.all([unzip(SOURCES_ZIP), unzip(FIREFOX_ZIP)]);
  });
  // The unpacked copy holds its own node_modules: removing it takes seconds on a busy machine.
  afterAll(async () => {
    if (work) await rm(work, { recursive: true, force: true });
  }, 120_000);

  it('holds the project as it is now: what the build reads, no tests, no outputs', async () => {
    const names = [...sources.keys()];
    for (const needed of ['package.json', 'package-lock.json', 'wxt.config.ts', 'PRIVACY.md', 'test/mock-api/cli.ts']) {
      expect(names).toContain(needed);
    }
    expect(names.filter((file) => /\.test\.tsx?$|^(node_modules|\.output|\.wxt)\//.test(file))).toEqual([]);
    const stale: string[] = [];
    for (const [file, data] of sources) {
      const current = await readFile(join(PROJECT_ROOT, file)).catch(() => undefined);
      if (!current?.equals(data)) stale.push(file);
    }
    // A difference means the zip is older than the sources: run npm run zip again.
    expect(stale).toEqual([]);
  });

  it(
    'rebuilds the Firefox zip byte for byte with npm ci and npm run build:firefox',
    { timeout: 15 * 60_000 },
    async () => {
      work = await mkdtemp(join(tmpdir(), 'modelgates-sources-'));
      for (const [file, data] of sources) {
        await mkdir(dirname(join(work, file)), { recursive: true });
        await writeFile(join(work, file), data);
      }
      const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
      await timed('npm ci', npm, ['ci', '--prefer-offline', '--no-audit', '--no-fund'], work);
      await timed('npm run build:firefox', npm, ['run', 'build:firefox'], work);

      const rebuilt = await filesUnder(join(work, '.output/firefox-mv3'));
      expect([...rebuilt.keys()].sort()).toEqual([...firefox.keys()].sort());
      const different = [...firefox].filter(([file, data]) => !rebuilt.get(file)?.equals(data)).map(([file]) => file);
      expect(different).toEqual([]);
    },
  );
});
