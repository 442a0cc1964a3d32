// `npm run release:check`: everything a store submission of package.json's version needs, checked
// in order: the changelog, types, lint, unit tests, the store zips (`npm run zip`, which builds
// both browsers), the checks on the builds (manifests, store listings and images, the rebuild
// from the sources zip), Mozilla's linter and the browser tests. Then it prints what to upload and
// where each text is. `--skip-browser-tests` leaves out the browser tests and says the check is
// not complete. Runs under plain `node`: erasable TypeScript only.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { readSections, releaseProblems } from './lib/changelog.ts';
import { PROJECT_ROOT } from './lib/paths.ts';
import { runScript } from './lib/run-script.ts';
import { STORE_IMAGES } from './lib/store-image-list.ts';

const STEPS: Array<{ script: string; what: string; browser?: true }> = [
  { script: 'typecheck', what: 'types' },
  { script: 'lint', what: 'ESLint and Prettier' },
  { script: 'test:unit', what: 'unit tests' },
  { script: 'zip', what: 'both builds and the three zips' },
  { script: 'test:build', what: 'manifests, store listings and images, popup budget, rebuild from the sources zip' },
  { script: 'lint:firefox', what: 'web-ext lint' },
  { script: 'test:e2e', what: 'browser tests in Chromium and Firefox ESR', browser: true },
];

function npmRun(script: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', script], {
      cwd: PROJECT_ROOT,
      stdio: 'inherit',
    });
    child.once('error', reject);
    child.once('exit', (code) => resolve(code ?? 1));
  });
}

async function describeFile(path: string): Promise<string> {
  const data = await readFile(path).catch(() => {
    throw new Error(`${relative(PROJECT_ROOT, path)} is missing after npm run zip`);
  });
  const sha = createHash('sha256').update(data).digest('hex');
  return `${relative(PROJECT_ROOT, path)}  ${(data.length / 1024).toFixed(1)} KB  sha256 ${sha}`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'skip-browser-tests': { type: 'boolean', default: false } } });
  const skipBrowser = values['skip-browser-tests'];
  const { name, version } = JSON.parse(await readFile(join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
  };
  console.log(`Release check for ${name} ${version}\n`);

  const changelog = await readFile(join(PROJECT_ROOT, 'CHANGELOG.md'), 'utf8');
  const problems = releaseProblems(changelog, version);
  if (problems.length > 0) throw new Error(`CHANGELOG.md is not ready:\n- ${problems.join('\n- ')}`);
  console.log(`CHANGELOG.md: [${version}] - ${readSections(changelog)[1]?.date}, nothing left under Unreleased`);

  const timings: string[] = [];
  for (const step of STEPS) {
    if (step.browser && skipBrowser) {
      timings.push(`  skipped  npm run ${step.script} (${step.what})`);
      continue;
    }
    console.log(`\n==> npm run ${step.script}: ${step.what}`);
    const started = performance.now();
    const code = await npmRun(step.script);
    const took = `${((performance.now() - started) / 1000).toFixed(0)} s`;
    if (code !== 0) throw new Error(`npm run ${step.script} failed (exit ${code}) after ${took}: not ready to submit.`);
    timings.push(`  ${took.padStart(7)}  npm run ${step.script} (${step.what})`);
  }

  const output = (suffix: string) => join(PROJECT_ROOT, '.output', `${name}-${version}-${suffix}.zip`);
  const [chromeZip, firefoxZip, sourcesZip] = await Promise.all(
    ['chrome', 'firefox', 'sources'].map(output).map(describeFile),
  );
  const images = await Promise.all(
    STORE_IMAGES.map(async (image) => {
      await stat(join(PROJECT_ROOT, 'store/images', image.file));
      return `store/images/${image.file} (${image.width}×${image.height}): ${image.caption}`;
    }),
  );

  console.log(`
Steps:
${timings.join('\n')}

Chrome Web Store (developer dashboard):
  Package       ${chromeZip}
  Listing       store/chrome.md: name, summary, description, category, language
  Privacy tab   store/chrome.md: single purpose, a justification per permission, remote code, data usage
  Privacy URL   where this version's PRIVACY.md is published
  Images        the store icon, the screenshots and the small promo tile below

addons.mozilla.org (Developer Hub):
  Package       ${firefoxZip}
  Source code   ${sourcesZip}
  Listing       store/firefox.md: name, summary, description, categories, reviewer notes
  Data          declared in the manifest; the reasons are in store/firefox.md
  Privacy       the text of PRIVACY.md
  Version notes the [${version}] section of CHANGELOG.md
  Images        the screenshots below

Images (npm run screenshots):
${images.map((line) => `  ${line}`).join('\n')}
`);
  console.log(
    skipBrowser
      ? 'NOT a full release check: the browser tests were skipped. Run npm run release:check before submitting.'
      : `Ready to submit ${version} to both stores.`,
  );
}

runScript(main);
