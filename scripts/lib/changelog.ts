// CHANGELOG.md in the Keep a Changelog format: read it, check its shape, and say what a release
// of a given version still lacks. Pure; used by scripts/release-check.ts and its tests.
// Runs under plain `node`: erasable TypeScript only.

/** The kinds of change Keep a Changelog 1.1.0 names, each a `###` heading. */
export const CHANGE_TYPES = ['Added', 'Changed', 'Deprecated', 'Removed', 'Fixed', 'Security'] as const;

export interface ChangelogSection {
  /** 'Unreleased', or a version such as '0.1.0'. */
  name: string;
  /** The release date (YYYY-MM-DD); null for Unreleased or an undated heading. */
  date: string | null;
  /** The `###` headings under it, in order. */
  changeTypes: string[];
  /** Whether any list item sits under it. */
  hasEntries: boolean;
  /** The heading line as written. */
  heading: string;
}

const SECTION = /^## \[([^\]]+)\](?: - (\d{4}-\d{2}-\d{2}))?\s*$/;
const VERSION = /^\d+\.\d+\.\d+$/;

/** The `##` sections in order, newest first as written. */
export function readSections(text: string): ChangelogSection[] {
  const sections: ChangelogSection[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('## ')) {
      const match = SECTION.exec(line);
      sections.push({
        name: match?.[1] ?? line.slice(3).trim(),
        date: match?.[2] ?? null,
        changeTypes: [],
        hasEntries: false,
        heading: line,
      });
      continue;
    }
    const current = sections.at(-1);
    if (!current) continue;
    if (line.startsWith('### ')) current.changeTypes.push(line.slice(4).trim());
    else if (/^\s*[-*] \S/.test(line)) current.hasEntries = true;
  }
  return sections;
}

function compareVersions(a: string, b: string): number {
  const [x, y] = [a, b].map((v) => v.split('.').map(Number)) as [number[], number[]];
  for (let i = 0; i < 3; i += 1) if (x[i] !== y[i]) return (x[i] ?? 0) - (y[i] ?? 0);
  return 0;
}

/** What keeps the file from being a Keep a Changelog changelog; empty when it is one. */
export function formatProblems(text: string): string[] {
  const problems: string[] = [];
  if (!text.startsWith('# Changelog\n')) problems.push('The first line must be "# Changelog".');
  const sections = readSections(text);
  if (sections[0]?.name !== 'Unreleased') problems.push('The first section must be "## [Unreleased]".');
  const releases = sections.slice(1);
  for (const section of sections) {
    if (!SECTION.test(section.heading)) problems.push(`"${section.heading}" is not "## [x.y.z] - YYYY-MM-DD".`);
    for (const type of section.changeTypes) {
      if (!(CHANGE_TYPES as readonly string[]).includes(type)) {
        problems.push(`"### ${type}" under [${section.name}] is not one of ${CHANGE_TYPES.join(', ')}.`);
      }
    }
  }
  for (const release of releases) {
    if (!VERSION.test(release.name)) problems.push(`[${release.name}] is not a version (x.y.z).`);
    else if (release.date === null) problems.push(`[${release.name}] has no release date.`);
  }
  const versions = releases.map((r) => r.name).filter((v) => VERSION.test(v));
  for (let i = 1; i < versions.length; i += 1) {
    if (compareVersions(versions[i - 1] as string, versions[i] as string) <= 0) {
      problems.push(`[${versions[i - 1]}] must come after [${versions[i]}]: newest first, each version once.`);
    }
  }
  return problems;
}

/** What the changelog still lacks for a release of `version`; empty when it is ready. */
export function releaseProblems(text: string, version: string): string[] {
  const problems = formatProblems(text);
  const sections = readSections(text);
  const release = sections.find((s) => s.name === version);
  if (!release) problems.push(`CHANGELOG.md has no "## [${version}] - YYYY-MM-DD" section for package.json's version.`);
  else {
    if (sections[1] !== release) problems.push(`[${version}] must be the newest release, right under [Unreleased].`);
    if (!release.hasEntries) problems.push(`[${version}] lists no changes.`);
  }
  if (sections[0]?.name === 'Unreleased' && sections[0].hasEntries) {
    problems.push(`Changes are still listed under [Unreleased]: move them under [${version}].`);
  }
  return problems;
}
