// @vitest-environment node
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblems, readSections, releaseProblems } from './changelog.ts';
import { PROJECT_ROOT } from './paths.ts';

const GOOD = `# Changelog

Intro.

## [Unreleased]

## [1.2.0] - 2026-12-24

### Added

- A thing.

### Fixed

- Another.

## [1.1.10] - 2026-11-02

### Changed

- Something.
`;

describe('readSections', () => {
  it('reads each section with its date, change types and whether it lists anything', () => {
    expect(readSections(GOOD).map(({ heading: _h, ...section }) => section)).toEqual([
      { name: 'Unreleased', date: null, changeTypes: [], hasEntries: false },
      { name: '1.2.0', date: '2026-12-24', changeTypes: ['Added', 'Fixed'], hasEntries: true },
      { name: '1.1.10', date: '2026-11-02', changeTypes: ['Changed'], hasEntries: true },
    ]);
  });
});

describe('formatProblems', () => {
  it('accepts a Keep a Changelog file', () => {
    expect(formatProblems(GOOD)).toEqual([]);
  });

  it.each([
    ['no title', GOOD.replace('# Changelog\n', '# Changes\n'), 'The first line must be "# Changelog".'],
    ['no Unreleased first', GOOD.replace('## [Unreleased]\n', ''), 'The first section must be "## [Unreleased]".'],
    ['an undated release', GOOD.replace(' - 2026-12-24', ''), '[1.2.0] has no release date.'],
    ['a date in another form', GOOD.replace('2026-12-24', '24.12.2026'), '"## [1.2.0] - 24.12.2026" is not'],
    ['an unknown change type', GOOD.replace('### Fixed', '### Bugs'), '"### Bugs" under [1.2.0] is not one of'],
    ['versions out of order', GOOD.replace('1.1.10', '1.10.0'), '[1.2.0] must come after [1.10.0]'],
  ])('names %s', (_case, text, problem) => {
    expect(formatProblems(text).join('\n')).toContain(problem);
  });
});

describe('releaseProblems', () => {
  it('is empty for the newest, dated version with changes and nothing left under Unreleased', () => {
    expect(releaseProblems(GOOD, '1.2.0')).toEqual([]);
  });

  it('names a version with no section, one that is not the newest, and changes left under Unreleased', () => {
    expect(releaseProblems(GOOD, '1.3.0')).toEqual([
      'CHANGELOG.md has no "## [1.3.0] - YYYY-MM-DD" section for package.json\'s version.',
    ]);
    expect(releaseProblems(GOOD, '1.1.10')).toEqual(['[1.1.10] must be the newest release, right under [Unreleased].']);
    const pending = GOOD.replace('## [Unreleased]\n', '## [Unreleased]\n\n### Fixed\n\n- Pending.\n');
    expect(releaseProblems(pending, '1.2.0')).toEqual([
      'Changes are still listed under [Unreleased]: move them under [1.2.0].',
    ]);
  });
});

describe('CHANGELOG.md', () => {
  const text = readFileSync(join(PROJECT_ROOT, 'CHANGELOG.md'), 'utf8');
  const { version } = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };

  it('is in the Keep a Changelog format', () => {
    expect(formatProblems(text)).toEqual([]);
  });

  it(`has a dated section for package.json's version (${version}), the newest one`, () => {
    const sections = readSections(text);
    expect(sections[1]?.name).toBe(version);
    expect(sections[1]?.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});
