// @vitest-environment node
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// Checks of the project's own rules, so that they hold as the code grows.
const root = join(import.meta.dirname, '..');
const SHIPPED = ['entrypoints', 'components', 'utils'];

function sourceFiles(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

const shipped = SHIPPED.flatMap(sourceFiles).filter((file) => !/\.test\.tsx?$/.test(file));
const read = (file: string) => readFileSync(join(root, file), 'utf8');

describe('project rules', () => {
  it('finds the shipped sources it checks', () => {
    expect(shipped).toContain('utils/lookup/background/api/fetch-key.ts');
    expect(shipped).toContain('entrypoints/background.ts');
  });

  it('reads the management key in one place only: the request builder', () => {
    const readers = shipped.filter((file) => /\breadManagementKey\b/.test(read(file)));
    expect(readers.sort()).toEqual([
      'utils/accounts/background/management-key.ts',
      'utils/lookup/background/api/fetch-key.ts',
    ]);
  });

  it('keeps the storage item that holds the key inside one module', () => {
    const holders = shipped.filter((file) => /['"`](local|session):managementKeys?['"`]/.test(read(file)));
    expect(holders).toEqual(['utils/accounts/background/management-key.ts']);
  });

  it('keeps the lock’s vault and derived key in one module, whose keys only the key store reads', () => {
    const holders = shipped.filter((file) => /['"`](local:keyVault|session:vaultKey)['"`]/.test(read(file)));
    expect(holders).toEqual(['utils/lock/background/vault.ts']);
    const readers = shipped.filter((file) => /\bvaultKeys\b/.test(read(file)) && !file.startsWith('utils/lock/'));
    expect(readers).toEqual(['utils/accounts/background/management-key.ts', 'utils/lookup/background/popup-start.ts']);
  });

  it('defines every other storage item in utils/storage/background/items.ts, each with a doc comment', () => {
    // Every item is defined on first use (WXT reads an item when it is defined: at the worker's
    // start, that was a read of every item).
    const wxtDefiners = shipped.filter((file) => read(file).includes('storage.defineItem'));
    expect(wxtDefiners).toEqual(['utils/storage/background/defined-on-use.ts']);
    const definers = shipped.filter((file) => /= defineOnUse</.test(read(file)));
    expect(definers.sort()).toEqual([
      'utils/accounts/background/management-key.ts',
      'utils/lock/background/vault.ts',
      'utils/storage/background/items.ts',
    ]);
    const source = read('utils/storage/background/items.ts');
    const items = source.match(/export const \w+Item = defineOnUse/g) ?? [];
    const documented = source.match(/\*\/\nexport const \w+Item = defineOnUse/g) ?? [];
    expect(items.length).toBeGreaterThan(0);
    expect(documented).toHaveLength(items.length);
  });

  it('imports zod only through utils/zod.ts, which turns on jitless mode for the MV3 CSP', () => {
    const direct = shipped.filter((file) => /from ['"]zod(\/[\w-]+)?['"]/.test(read(file)));
    expect(direct).toEqual(['utils/zod.ts']);
  });

  it('keeps the shared core small: at most 10 shipped files sit directly in utils/', () => {
    const core = shipped.filter((file) => /^utils\/[^/]+$/.test(file));
    expect(core.length).toBeGreaterThan(0);
    expect(core.length).toBeLessThanOrEqual(10);
  });

  it('keeps every shipped file under 200 lines', () => {
    const long = shipped.filter((file) => read(file).split('\n').length > 200);
    expect(long).toEqual([]);
  });

  it('declares each feature’s messages in its contract.ts, and the protocol from those alone', () => {
    const contracts = shipped.filter((file) => file.endsWith('/contract.ts'));
    expect(contracts.length).toBeGreaterThanOrEqual(5);
    const protocol = read('utils/messaging/protocol.ts');
    for (const file of contracts) expect(protocol).toContain(`'../${file.slice('utils/'.length, -'.ts'.length)}'`);
    const declaredElsewhere = shipped.filter(
      (file) => !/\/contract(-kit)?\.ts$/.test(file) && /\bask<[^>]*>\(\)\(/.test(read(file)),
    );
    expect(declaredElsewhere).toEqual([]);
  });

  it('says why wherever a failure is ignored: an empty catch carries a comment', () => {
    // An empty `catch {}` or a `.catch(() => {})` hides a failure from the user and the tests; each
    // one must say, within the three lines above it or inside it, why that is right.
    const ignored = /catch\s*\{\s*\}|\.catch\(\s*\(\)\s*=>\s*(\{\s*\}|undefined|null)\s*,?\s*\)/g;
    const unexplained = shipped.flatMap((file) => {
      const source = read(file);
      return [...source.matchAll(ignored)].flatMap((match) => {
        const line = source.slice(0, match.index).split('\n').length - 1;
        const around =
          source
            .split('\n')
            .slice(Math.max(0, line - 3), line + 1)
            .join('\n') + match[0];
        return /\/\/|\/\*/.test(around) ? [] : [`${file}:${line + 1}`];
      });
    });
    expect(unexplained).toEqual([]);
  });

  it('has no console output in shipped code', () => {
    expect(shipped.filter((file) => /\bconsole\.\w+\(/.test(read(file)))).toEqual([]);
  });

  it('never renders HTML from strings', () => {
    const sinks = shipped.filter((file) =>
      /dangerouslySetInnerHTML|\.innerHTML\s*=|insertAdjacentHTML|document\.write/.test(read(file)),
    );
    expect(sinks.map((f) => relative(root, join(root, f)))).toEqual([]);
  });
});
