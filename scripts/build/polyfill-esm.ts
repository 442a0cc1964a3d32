// webextension-polyfill as an ES module. It ships as UMD (CommonJS to a bundler), and a bundler
// imports a CommonJS module through an interop helper that copies each of the module's properties
// with its descriptor. Where the browser has its own `browser` (Firefox, current Chrome), the
// polyfill's export is that object, and reading a descriptor of each of its properties makes the
// browser build every extension API it has (alarms, tabs, scripting, sidePanel…) before the
// worker's first line of our code: about 5 ms of each cold start in a probe of cold starts (the
// top level's median went from 9.2–9.9 ms to 7.0–7.2 ms; README, Performance).
// Here the same polyfill code runs as it is, handed a `module` of its own, and its export is
// passed on untouched. Loaded by wxt.config.ts.
import { readFile } from 'node:fs/promises';
import type { Plugin } from 'vite';

const POLYFILL = 'webextension-polyfill';
/** The ES module's id: the polyfill's own file behind a prefix no other plugin takes. */
const PREFIX = '\0polyfill-esm:';

export function polyfillAsEsm(): Plugin {
  return {
    name: 'modelgates:polyfill-esm',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (source !== POLYFILL) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      return resolved ? `${PREFIX}${resolved.id}` : null;
    },
    async load(id) {
      if (!id.startsWith(PREFIX)) return null;
      return esmOfUmd(await readFile(id.slice(PREFIX.length), 'utf8'));
    },
  };
}

/**
 * A UMD script as an ES module whose default export is what the script puts in `module.exports`:
 * it sees `module` and `exports` (its CommonJS branch) and no AMD `define`.
 */
export function esmOfUmd(umd: string): string {
  const code = umd.replace(/^\/\/# sourceMappingURL=.*$/m, '');
  return [
    'const module = { exports: {} };',
    '(function (module, exports, define) {',
    code,
    '}).call(globalThis, module, module.exports, undefined);',
    'export default module.exports;',
    '',
  ].join('\n');
}
