// @vitest-environment node
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Browser tests and scripts reach the extension's `chrome` global (and Firefox's `browser`) in one
// typed way: withChrome (or, for a script run before a page's own, chromeInitScript) from
// test/e2e/driver/extension-api.ts.
// A hand-written `globalThis as unknown as { chrome: … }` types the API anew each time, and wrongly
// as often as not; this finds them. Casts of the tests' own markers on a window may stay.
const root = join(import.meta.dirname, '..');
const CHECKED = ['test/e2e', 'scripts'];

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules') return [];
    if (statSync(join(root, path)).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** A cast of anything to a type of our own writing: `as unknown as T`, `as typeof globalThis & T`. */
const CAST = /\bas\s+(?:unknown\s+as|typeof\s+globalThis\s*&)\s*/g;
/** A member named for the extension's global: `chrome:`, `browser?:`. */
const GLOBAL_MEMBER = /(?:^|[\s{;,])(?:chrome|browser)\s*\??\s*:/;
const OPENS = '{[(<';
const CLOSES = '}])>';

/** The type written from `start` on: up to where it ends (`)`, `;`, `,`, `=` outside brackets). */
function typeText(source: string, start: number): string {
  let depth = 0;
  for (let i = start; i < source.length; i++) {
    const c = source[i] ?? '';
    if (OPENS.includes(c)) depth++;
    else if (CLOSES.includes(c) && !(c === '>' && source[i - 1] === '=')) {
      if (depth === 0) return source.slice(start, i);
      depth--;
    } else if (depth === 0 && /[;,=.\n]/.test(c)) return source.slice(start, i);
  }
  return source.slice(start);
}

/** `type Name = …` or `interface Name …` declared in this source: its text, else ''. */
function declaredType(source: string, name: string): string {
  const declared = new RegExp(`\\b(?:type\\s+${name}\\s*=|interface\\s+${name}\\b[^{]*)\\s*`).exec(source);
  return declared ? typeText(source, declared.index + declared[0].length) : '';
}

/** Whether this type, or a type of this source that it names, has a member `chrome` or `browser`. */
function reachesGlobal(source: string, type: string, seen: Set<string>): boolean {
  if (GLOBAL_MEMBER.test(type)) return true;
  return (type.match(/\b[A-Z]\w*/g) ?? []).some((name) => {
    if (seen.has(name)) return false;
    seen.add(name);
    return reachesGlobal(source, declaredType(source, name), seen);
  });
}

/** The lines (1-based) that cast something to a hand-written type holding `chrome` or `browser`. */
export function handWrittenCasts(source: string): number[] {
  return Array.from(source.matchAll(CAST))
    .filter((cast) => reachesGlobal(source, typeText(source, cast.index + cast[0].length), new Set()))
    .map((cast) => source.slice(0, cast.index).split('\n').length);
}

const checked = CHECKED.flatMap(sourceFiles);

describe('the extension’s global in browser tests and scripts', () => {
  it('finds the files it checks', () => {
    expect(checked).toContain('test/e2e/scenarios/lock.e2e.test.ts');
    expect(checked).toContain('scripts/bench/lock.ts');
  });

  it('is reached through the typed helpers, never a hand-written cast', () => {
    const casts = checked.flatMap((file) =>
      handWrittenCasts(readFileSync(join(root, file), 'utf8')).map((line) => `${file}:${line}`),
    );
    expect(casts).toEqual([]);
  });

  it.each([
    ['on one line', 'const { chrome } = globalThis as unknown as { chrome: { tabs: unknown } };'],
    [
      'over several lines',
      'const scope = globalThis as unknown as {\n  browser?: {\n    sidebarAction: unknown };\n};',
    ],
    ['as one member of an intersection', 'f((self as unknown as Marks & { chrome: Api }).chrome);'],
    [
      'through a type declared beside it',
      'type Spied = { chrome: Api; calls: number };\nconst s = globalThis as unknown as Spied;',
    ],
    [
      'through an interface naming another',
      'interface Api { chrome?: Api }\ninterface Outer extends Api { x: Api }\n(globalThis as unknown as Outer);',
    ],
    ['widening globalThis', 'const g = globalThis as typeof globalThis & { chrome: Api };'],
  ])('flags a cast of the global %s', (_, sample) => {
    expect(handWrittenCasts(sample)).toHaveLength(1);
  });

  it.each([
    ['a test’s marker on the window', '(globalThis as unknown as { e2eDownloads: Blob[] }).e2eDownloads = [];'],
    ['a driver object’s own field', 'const c = (browser as unknown as { connection: Bidi }).connection;'],
    [
      'a callback type whose arrow is not a closing bracket',
      'const s = window as unknown as { on: (a: string) => void; n: 1 };',
    ],
    [
      'a marker type that names no global',
      'type Marks = { closeAsked: boolean };\nconst m = globalThis as unknown as Marks;',
    ],
  ])('leaves alone %s', (_, sample) => {
    expect(handWrittenCasts(sample)).toEqual([]);
  });

  it('gives the line of each cast', () => {
    const sample =
      'const a = 1;\nconst { chrome } = globalThis as unknown as {\n  chrome: Api;\n};\nconst b = x as unknown as { browser: 1 };';
    expect(handWrittenCasts(sample)).toEqual([2, 5]);
  });
});
