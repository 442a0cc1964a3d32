// The built manifests ask for no more than the extension needs. No browser: it reads the build
// output (`npm run build` and `npm run build:firefox` first).
import { access, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHROME_BUILD_DIR, FIREFOX_BUILD_DIR, PROJECT_ROOT } from '../../scripts/lib/paths.ts';

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

const packageVersion = (JSON.parse(await readFile(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string })
  .version;

describe.each([
  ['Chrome', CHROME_BUILD_DIR, 'npm run build'],
  ['Firefox', FIREFOX_BUILD_DIR, 'npm run build:firefox'],
])('%s manifest version', (_name, dir, build) => {
  it(`is package.json's version (${packageVersion}), the one number to bump for a release`, async () => {
    const manifest = await readManifest(dir, build);
    expect(manifest.version).toBe(packageVersion);
  });
});

/** The side panel's command: no suggested key, so that it takes none from the page or another extension. */
const PANEL_COMMAND = { description: 'Open the side panel' };

describe('Chrome MV3 manifest', () => {
  it('asks only for storage, contextMenus, alarms, idle and sidePanel, notifications only as optional, and host access to modelgates.ai only', async () => {
    const manifest = await readManifest(CHROME_BUILD_DIR, 'npm run build');
    expect(manifest.manifest_version).toBe(3);
    // idle (the lock's "when the computer locks") and sidePanel add no install-time warning.
    expect(manifest.permissions).toEqual([
      'storage',
      'contextMenus',
      'activeTab',
      'scripting',
      'alarms',
      'idle',
      'sidePanel',
    ]);
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
    expect(Object.keys(manifest).sort()).toEqual([...ALLOWED_KEYS, 'side_panel'].sort());
  });

  it('has the side panel, and a command to open it with no suggested key; the popup keeps its shortcut', async () => {
    const manifest = await readManifest(CHROME_BUILD_DIR, 'npm run build');
    expect(manifest.side_panel).toEqual({ default_path: 'sidepanel.html' });
    expect(manifest.commands).toEqual({
      _execute_action: { suggested_key: { default: 'Alt+Shift+K' }, description: 'Open ModelGates Key Lookup' },
      'open-side-panel': PANEL_COMMAND,
    });
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
      gecko: { strict_min_version: '140.0' },
      gecko_android: { strict_min_version: '142.0' },
    });
  });

  it("declares the data it transmits in Mozilla's taxonomy: the management key and hashes read from pages, nothing optional", async () => {
    // authenticationInfo: each account's management key goes to that account's API origin.
    // websiteContent: a hash selected on a page, or found by "Find key hashes on this page", goes there
    // too. Both are the lookup itself, so required; store/firefox.md gives the reasons for each
    // category, and a change here must change that file and PRIVACY.md with it.
    const manifest = await readManifest(FIREFOX_BUILD_DIR, 'npm run build:firefox');
    const gecko = (manifest.browser_specific_settings as { gecko: Record<string, unknown> }).gecko;
    expect(gecko.data_collection_permissions).toStrictEqual({ required: ['authenticationInfo', 'websiteContent'] });
  });

  it('asks for the same API permissions and hosts as Chrome, but sidePanel (its sidebar needs none)', async () => {
    const manifest = await readManifest(FIREFOX_BUILD_DIR, 'npm run build:firefox');
    expect(manifest.manifest_version).toBe(3);
    expect(manifest.permissions).toEqual(['storage', 'contextMenus', 'activeTab', 'scripting', 'alarms', 'idle']);
    expect(manifest.optional_permissions).toEqual(['notifications']);
    expect(manifest.host_permissions).toEqual(['https://modelgates.ai/*']);
    expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://localhost/*', 'http://127.0.0.1/*']);
  });

  it('has no key beyond the expected ones, its gecko settings and its sidebar', async () => {
    const manifest = await readManifest(FIREFOX_BUILD_DIR, 'npm run build:firefox');
    expect(Object.keys(manifest).sort()).toEqual(
      [...ALLOWED_KEYS, 'browser_specific_settings', 'sidebar_action'].sort(),
    );
  });

  it('has the side panel as a sidebar (no permission needed), opened by its own command with no suggested key', async () => {
    const manifest = await readManifest(FIREFOX_BUILD_DIR, 'npm run build:firefox');
    expect(manifest.sidebar_action).toEqual({
      default_panel: 'sidepanel.html',
      default_title: 'ModelGates Key Lookup',
      default_icon: { '16': '/icon/16.png', '32': '/icon/32.png' },
      // Not opened as the add-on is installed (Firefox's default): the popup stays the way in.
      open_at_install: false,
    });
    expect(manifest.commands).toEqual({
      _execute_action: { suggested_key: { default: 'Alt+Shift+K' }, description: 'Open ModelGates Key Lookup' },
      _execute_sidebar_action: PANEL_COMMAND,
    });
  });

  it.each(FORBIDDEN_KEYS)('has no %s', async (key) => {
    const manifest = await readManifest(FIREFOX_BUILD_DIR, 'npm run build:firefox');
    expect(manifest).not.toHaveProperty(key);
  });
});
