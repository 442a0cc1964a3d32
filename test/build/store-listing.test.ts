// The store listings (store/chrome.md, store/firefox.md) fit the stores' limits and say what the
// built manifests do: the same name and summary, a justification for every permission, and the
// data declared to Firefox. Also the images they list. Reads the builds (`npm run build` and
// `npm run build:firefox` first).
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHROME_BUILD_DIR, FIREFOX_BUILD_DIR, PROJECT_ROOT } from '../../scripts/lib/paths.ts';
import { pngFacts } from '../../scripts/lib/png.ts';

/**
 * The limits, and where each is written down:
 * - Chrome name 75, summary (the manifest's description) 132: developer.chrome.com, manifest
 *   "name" and "description"; Firefox takes 132 for the description too (MDN, manifest.json).
 * - Chrome description 16,000: the dashboard's field (Chrome's pages give no figure for it).
 * - AMO name 50, summary 250: addons-server's AddonSerializer (max_length), as MDN's manifest
 *   "name" page says for the name. AMO sets no maximum for the description.
 */
const LIMITS = {
  manifestDescription: 132,
  chrome: { name: 75, summary: 132, description: 16_000 },
  amo: { name: 50, summary: 250 },
};

/** Mozilla's data collection categories ("Firefox built-in consent for data collection"). */
const MOZILLA_CATEGORIES = [
  'personallyIdentifyingInfo',
  'healthInfo',
  'financialAndPaymentInfo',
  'authenticationInfo',
  'personalCommunications',
  'locationInfo',
  'browsingActivity',
  'websiteContent',
  'websiteActivity',
  'searchTerms',
  'bookmarksInfo',
  'technicalAndInteraction',
];

type Manifest = Record<string, unknown> & { name: string; description: string };

async function readManifest(dir: string): Promise<Manifest> {
  const text = await readFile(join(dir, 'manifest.json'), 'utf8').catch(() => {
    throw new Error(`No ${dir}/manifest.json: run npm run build and npm run build:firefox first.`);
  });
  return JSON.parse(text) as Manifest;
}

/** A listing's `##` sections by heading, each its text trimmed. */
async function readListing(file: string): Promise<Map<string, string>> {
  const text = await readFile(join(PROJECT_ROOT, 'store', file), 'utf8');
  const sections = new Map<string, string>();
  for (const part of text.split(/^## /m).slice(1)) {
    const [heading = '', ...body] = part.split('\n');
    sections.set(heading.trim(), body.join('\n').trim());
  }
  return sections;
}

function section(listing: Map<string, string>, heading: string): string {
  const text = listing.get(heading);
  if (!text) throw new Error(`The listing has no "## ${heading}" section, or it is empty`);
  return text;
}

/** The rows of a Markdown table in a section: each row's cells, trimmed, header and rule left out. */
function tableRows(text: string): string[][] {
  return text
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .slice(2)
    .map((line) =>
      line
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim()),
    );
}

const [chromeManifest, firefoxManifest, chrome, firefox] = await Promise.all([
  readManifest(CHROME_BUILD_DIR),
  readManifest(FIREFOX_BUILD_DIR),
  readListing('chrome.md'),
  readListing('firefox.md'),
]);

describe('the manifests', () => {
  it(`describe the extension in at most ${LIMITS.manifestDescription} characters`, () => {
    expect(chromeManifest.description.length).toBeLessThanOrEqual(LIMITS.manifestDescription);
    expect(firefoxManifest.description).toBe(chromeManifest.description);
  });
});

describe('store/chrome.md', () => {
  it('has the manifest name and summary, within the Chrome Web Store limits', () => {
    expect(section(chrome, 'Name')).toBe(chromeManifest.name);
    expect(chromeManifest.name.length).toBeLessThanOrEqual(LIMITS.chrome.name);
    // The dashboard shows the package's description as the summary.
    expect(section(chrome, 'Summary')).toBe(chromeManifest.description);
  });

  it(`has a description of at most ${LIMITS.chrome.description} characters, and a single purpose`, () => {
    const description = section(chrome, 'Description');
    expect(description.length).toBeGreaterThan(200);
    expect(description.length).toBeLessThanOrEqual(LIMITS.chrome.description);
    expect(section(chrome, 'Single purpose')).not.toContain('\n');
  });

  it('justifies every permission and host permission of the built manifest, once, and no other', () => {
    const lines = section(chrome, 'Permission justifications')
      .split('\n')
      .filter((line) => line.startsWith('- '));
    const justified = lines.map((line) => /^- `([^`]+)`: \S/.exec(line)?.[1] ?? `malformed: ${line}`);
    const asked = ['permissions', 'optional_permissions', 'host_permissions', 'optional_host_permissions'].flatMap(
      (key) => (chromeManifest[key] as string[] | undefined) ?? [],
    );
    expect(justified.sort()).toEqual([...asked].sort());
  });

  it('answers the data usage questions as the Firefox manifest declares: authentication information and website content', () => {
    const collected = tableRows(section(chrome, 'Data usage'))
      .filter((row) => row[1] === 'Yes')
      .map((row) => row[0]);
    expect(collected).toEqual(['Authentication information', 'Website content']);
  });
});

describe('store/firefox.md', () => {
  it('has the manifest name and a summary within the AMO limits', () => {
    expect(section(firefox, 'Name')).toBe(firefoxManifest.name);
    expect(firefoxManifest.name.length).toBeLessThanOrEqual(LIMITS.amo.name);
    expect(section(firefox, 'Summary').length).toBeLessThanOrEqual(LIMITS.amo.summary);
    expect(section(firefox, 'Description').length).toBeGreaterThan(200);
  });

  it("answers for every category of Mozilla's taxonomy, as the built manifest declares them", () => {
    const rows = tableRows(section(firefox, 'Data collection'));
    const category = (row: string[]) => row[0]?.replace(/`/g, '');
    expect(rows.map(category).sort()).toEqual([...MOZILLA_CATEGORIES].sort());
    const declared = (firefoxManifest.browser_specific_settings as { gecko: Record<string, unknown> }).gecko
      .data_collection_permissions as { required: string[]; optional?: string[] };
    expect(rows.filter((row) => row[1] === 'required').map(category)).toEqual(declared.required);
    expect(rows.filter((row) => row[1] === 'optional').map(category)).toEqual(declared.optional ?? []);
    for (const row of rows) expect(row[2]?.length, `the reason for ${category(row)}`).toBeGreaterThan(10);
  });
});

describe('the store images', () => {
  const imagesDir = join(PROJECT_ROOT, 'store/images');

  it.each([
    ['store/chrome.md', chrome],
    ['store/firefox.md', firefox],
  ])('%s lists images that are there', async (_file, listing) => {
    const listed = [...section(listing, 'Images').matchAll(/`store\/images\/([^`]+)`/g)].map((m) => m[1]);
    expect(listed.length).toBeGreaterThanOrEqual(3);
    expect((await readdir(imagesDir)).filter((file) => listed.includes(file)).sort()).toEqual([...listed].sort());
  });

  it('are screenshots at 1280×800 and a 440×280 promo tile without alpha, and a 128 px icon', async () => {
    const kinds = await Promise.all(
      (await readdir(imagesDir)).map(async (file) => {
        const { width, height, alpha } = pngFacts(await readFile(join(imagesDir, file)));
        return `${file.replace(/-\d+-.*|-[^-]*$/, '')} ${width}x${height}${alpha ? ' alpha' : ''}`;
      }),
    );
    expect(kinds.filter((kind) => kind === 'screenshot 1280x800').length).toBeGreaterThanOrEqual(3);
    expect(kinds.filter((kind) => !kind.startsWith('screenshot ')).sort()).toEqual([
      'icon 128x128 alpha',
      'promo-small 440x280',
    ]);
    expect(kinds.filter((kind) => kind.startsWith('screenshot ') && kind !== 'screenshot 1280x800')).toEqual([]);
  });
});
