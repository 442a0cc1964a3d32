import { z } from 'zod';

// zod 4 probes `new Function` once to pick its fast path; the MV3 CSP forbids eval and Chrome
// reports the probe as a violation. Jitless mode skips the probe. Every schema module imports `z`
// from here so that this runs before any schema is defined.
z.config({ jitless: true });

export { z };
