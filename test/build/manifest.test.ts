// The built manifests ask for no more than the extension needs. No browser: it reads the build
// output (`npm run build` and `npm run build:firefox` first).
import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHROME_BUILD_DIR, FIREFOX_BUILD_DIR } from '../../scripts/lib/paths.ts';

async function readManifest(dir: string, build: string): Promise<Record<string, unknown>> {
  let text: string;
  try {
    text = await readFile(join(dir, 'manifest.json'), 'utf8');
  } catch {
    throw new Error(`No ${dir}/manifest.json: run ${build} first.`);
  }
  return JSON.parse(text) as Record<string, unknown>;
}

/** Keys that would widen what web pages, other extensions or inline code can do with us. */
const FORBIDDEN_KEYS = [
  'content_scripts',
  'web_accessible_resources',
  'externally_connectable',
  'content_security_policy',
] as const;

/** Every top-level key the manifests may have: anything new must be added here on purpose. */
const ALLOWED_KEYS = [
  'manifest_version',
  'name',
  'description',
  'version',
  'permissions',
  'host_permissions',
  'optional_host_permissions',
  'optional_permissions',
  'action',
  'commands',
  'omnibox',
  'background',
  'options_ui',
  'icons',
];

describe('Chrome MV3 manifest', () => {
  it('asks only for storage, contextMenus, alarms and idle, notifications only as optional, and host access to modelgates.ai only', async () => {
    const manifest = await readManifest(CHROME_BUILD_DIR, 'npm run build');
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.permissions).toEqual(['storage', 'contextMenus', 'activeTab', 'scripting', 'alarms', 'idle']);
    expect(manifest.optional_permissions).toEqual(['notifications']);
    expect(manifest.host_permissions).toEqual(['https://modelgates.ai/*']);
    expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*']);
  });

  it('declares its icons, and every one is in the build', async () => {
    const manifest = await readManifest(CHROME_BUILD_DIR, 'npm run build');
    const icons = manifest.icons as Record<string, string>;
    expect(Object.keys(icons)).toEqual(['16', '32', '48', '96', '128']);
    for (const file of Object.values(icons))
      await expect(access(join(CHROME_BUILD_DIR, file))).resolves.toBeUndefined();
  });

  it('has no key beyond the expected ones (so no CSP override, no externally_connectable…)', async () => {
    const manifest = await readManifest(CHROME_BUILD_DIR, 'npm run build');
    expect(Object.keys(manifest).sort()).toEqual([...ALLOWED_KEYS].sort());
  });

  it.each(FORBIDDEN_KEYS)('has no %s', async (key) => {
    const manifest = await readManifest(CHROME_BUILD_DIR, 'npm run build');
    expect(manifest).not.toHaveProperty(key);
  });
});

describe('Firefox MV3 manifest', () => {
  it('has an add-on id in browser_specific_settings.gecko', async () => {
    const manifest = await readManifest(FIREFOX_BUILD_DIR, 'npm run build:firefox');
    const gecko = (manifest.browser_specific_settings as { gecko?: { id?: unknown } } | undefined)?.gecko;
    expect(gecko?.id).toEqual(expect.stringMatching(/\S/));
  });

  it('installs on desktop Firefox from ESR 140 and on Firefox for Android from 142', async () => {
    // The first versions that know data_collection_permissions; ESR 140 refuses an add-on that asks
    // for 142 ("not compatible with application version").
    const manifest = await readManifest(FIREFOX_BUILD_DIR, 'npm run build:firefox');
    expect(manifest.browser_specific_settings).toMatchObject({
      gecko: { strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
      gecko_android: { strict_min_version: '142.0' },
    });
  });

  it('asks for the same API permissions and host as Chrome', async () => {
    const manifest = await readManifest(FIREFOX_BUILD_DIR, 'npm run build:firefox');
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.permissions).toEqual(['storage', 'contextMenus', 'activeTab', 'scripting', 'alarms', 'idle']);
    expect(manifest.optional_permissions).toEqual(['notifications']);
    expect(manifest.host_permissions).toEqual(['https://modelgates.ai/*']);
    expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*']);
  });

  it('has no key beyond the expected ones and its gecko settings', async () => {
    const manifest = await readManifest(FIREFOX_BUILD_DIR, 'npm run build:firefox');
    expect(Object.keys(manifest).sort()).toEqual([...ALLOWED_KEYS, 'browser_specific_settings'].sort());
  });

  it.each(FORBIDDEN_KEYS)('has no %s', async (key) => {
    const manifest = await readManifest(FIREFOX_BUILD_DIR, 'npm run build:firefox');
    expect(manifest).not.toHaveProperty(key);
  });
});
