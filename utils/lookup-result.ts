import type { ApiKey } from './api-key';
import type { LookupError } from './lookup-error';

/** What a lookup ends in. It never carries the management key. */
export type LookupResult =
  | {
      ok: true;
      key: ApiKey;
      /** ISO time the API answered. */
      fetchedAt: string;
      /** Served from the short-lived cache; the popup shows it and asks for a fresh one. */
      cached?: boolean;
    }
  | { ok: false; error: LookupError };
