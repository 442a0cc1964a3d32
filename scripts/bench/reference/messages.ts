// The reference extension's one message: its page asks its worker to look a hash up.
import type { ApiKey } from './product';

export interface ReferenceRequest {
  type: 'lookup';
  hash: string;
}

export type ReferenceReply = { ok: true; key: ApiKey } | { ok: false; error: string };

/** The name of the reference's worker script: not ours (background.js), so the bench tells them apart. */
export const REFERENCE_WORKER = 'reference-worker.js';

/** The reference's one page, relative to the extension's root. */
export const REFERENCE_PAGE = 'page.html';

/** Where the bench stores the mock's base URL and management key for the reference's worker. */
export interface ReferenceConfig {
  baseUrl: string;
  managementKey: string;
}

/** How many lookups the reference's bulk run keeps in flight, as our bulk page's default does. */
export const REFERENCE_CONCURRENCY = 4;
