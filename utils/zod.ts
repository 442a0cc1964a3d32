import { z } from 'zod/mini';

// zod's mini build: the same schemas and parsing as zod, written as functions (z.optional(x) for
// x.optional()), so that a bundle carries only the parts it uses: the worker's JavaScript went
// from 49 KB to 32 KB gzipped, and the worker has less to compile when it starts. It has no
// `new Function` fast path (the MV3 CSP forbids eval); jitless mode stays on so that none is tried
// if a later version brings one back. Every schema module imports `z` from here, so this runs
// before any schema is defined.
z.config({ jitless: true });

/**
 * A schema built on its first use and kept: `schema()` builds it once. A schema defined as a module
 * loads would be built as the worker starts, and a woken worker's message waits for its whole script
 * (utils/messaging/background/startup-schemas.test.ts checks that none is).
 */
export function onFirstUse<Schema extends z.ZodMiniType>(build: () => Schema): () => Schema {
  let built: Schema | undefined;
  return () => (built ??= build());
}

export { z };
