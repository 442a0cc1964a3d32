import type { ApiKey } from '../api-key';
import type { LookupError } from './lookup-error';

/** What one account's lookup ends in (utils/lookup/account-answers.ts merges them). It never carries
 * the management key. */
export type LookupResult =
  | {
      ok: true;
      key: ApiKey;
      /** ISO time the API answered. */
      fetchedAt: string;
    }
  | { ok: false; error: LookupError };
