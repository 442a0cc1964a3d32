// Builds the reference extension (this folder) into `outDir`: the page with Vite and Preact as our
// pages are built (minified, the product's `@/` imports resolved), the worker as one classic
// script as ours is, and a manifest that grants the mock's origin as the bench's copy of ours does.
// Runs under plain `node`: erasable TypeScript only.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import preact from '@preact/preset-vite';
import { build, type InlineConfig } from 'vite';
import { PROJECT_ROOT } from '../../lib/paths.ts';
import { REFERENCE_LIST_PAGE, REFERENCE_PAGE, REFERENCE_WORKER } from './messages.ts';

const SOURCE_DIR = import.meta.dirname;

const common = (outDir: string): InlineConfig => ({
  configFile: false,
  root: SOURCE_DIR,
  logLevel: 'warn',
  resolve: { alias: { '@': PROJECT_ROOT } },
  build: { outDir, emptyOutDir: false, modulePreload: { polyfill: false } },
});

/**
 * The reference extension, ready to load: page.html and list.html with their scripts and CSS,
 * reference-worker.js and manifest.json. `hostPermission` is the mock's origin pattern.
 */
export async function buildReference(outDir: string, hostPermission: string): Promise<void> {
  const base = common(outDir);
  await build({
    ...base,
    plugins: [preact()],
    base: '/',
    build: {
      ...base.build,
      emptyOutDir: true,
      rolldownOptions: { input: [REFERENCE_PAGE, REFERENCE_LIST_PAGE].map((page) => join(SOURCE_DIR, page)) },
    },
  });
  await build({
    ...base,
    build: {
      ...base.build,
      lib: {
        entry: join(SOURCE_DIR, 'worker.ts'),
        formats: ['iife'],
        name: 'referenceWorker',
        fileName: () => REFERENCE_WORKER,
      },
    },
  });
  const manifest = {
    manifest_version: 3,
    name: 'Bench reference',
    version: '1.0.0',
    description: 'The least an extension can do for a lookup: the floor the bench measures ours against.',
    permissions: ['storage'],
    host_permissions: [hostPermission],
    background: { service_worker: REFERENCE_WORKER },
  };
  await writeFile(join(outDir, 'manifest.json'), JSON.stringify(manifest));
}
