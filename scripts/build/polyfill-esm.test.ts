import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import { esmOfUmd } from './polyfill-esm';

const polyfillPath = createRequire(import.meta.url).resolve('webextension-polyfill');
const globals = globalThis as { chrome?: unknown; browser?: unknown };

let imports = 0;

/** Imports the ES module made of the polyfill, as the bundle would run it: anew each time. */
async function importPolyfillEsm(): Promise<unknown> {
  // A module is evaluated once per URL: the count makes each import's URL its own.
  const code = `${esmOfUmd(await readFile(polyfillPath, 'utf8'))}// ${++imports}\n`;
  // eslint-disable-next-line no-unsanitized/method -- the polyfill's own code, read from node_modules
  const module = (await import(/* @vite-ignore */ `data:text/javascript,${encodeURIComponent(code)}`)) as {
    default: unknown;
  };
  return module.default;
}

afterEach(() => {
  delete globals.chrome;
  delete globals.browser;
});

describe('webextension-polyfill as an ES module', () => {
  it('exports the browser’s own `browser` where there is one, the very object, no copy', async () => {
    const own = { runtime: { id: 'ext' } };
    globals.chrome = { runtime: { id: 'ext' } };
    globals.browser = own;
    expect(await importPolyfillEsm()).toBe(own);
  });

  it('still wraps `chrome` where the browser has no `browser`', async () => {
    globals.chrome = { runtime: { id: 'ext' } };
    const wrapped = (await importPolyfillEsm()) as { runtime: { id: string } };
    expect(wrapped).not.toBe(globals.chrome);
    expect(wrapped.runtime.id).toBe('ext');
  });

  it('refuses to run outside an extension, as the polyfill does', async () => {
    await expect(importPolyfillEsm()).rejects.toThrow(/browser extension/);
  });

  it('drops the source map comment (its map is not shipped)', () => {
    expect(esmOfUmd('x();\n//# sourceMappingURL=browser-polyfill.js.map\n')).not.toContain('sourceMappingURL');
  });
});
