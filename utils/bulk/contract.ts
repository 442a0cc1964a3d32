import { MAX_BULK_HASHES } from '../extract-hashes';
import type { KeyHash } from '../hash-input';
import type { LookupResult } from '../lookup/lookup-result';
import { ask } from '../messaging/contract-kit';
import { accountIdSchema, keyHashSchema, noPayload } from '../messaging/schemas';
import { z } from '../zod';

/** A bulk page's run, named by the page: the worker's gate lets a cancelled run's requests go unsent. */
const runIdSchema = () => z.string().check(z.minLength(1), z.maxLength(64));

/** The bulk page asks one account about one hash: the scheduler paces each account on its own. */
const accountLookupRequest = () =>
  z.strictObject({
    hash: keyHashSchema(),
    accountId: accountIdSchema(),
    run: runIdSchema(),
  });

/** The bulk page's answer for one hash in one account: that account's own result, 429 and 401
 * included, so the page's scheduler can pause or stop that account alone. */
export interface AccountLookupReply {
  ok: true;
  result: LookupResult;
}

export type FindOnPageReply = { ok: true; found: number } | { ok: false; message: string };

/** "Look up many keys": the page's per-account lookups, and the ways into the page. */
export const bulkContract = {
  lookupInAccount: ask<AccountLookupReply>()(accountLookupRequest),
  /** Cancel, or the bulk page closing: that run's requests not sent yet are not sent. */
  cancelBulkRun: ask<{ ok: true }>()(() => z.strictObject({ run: runIdSchema() })),
  /** "Look up all N" in the popup: the hashes the page opens with. */
  openBulk: ask<{ ok: true }>()(() =>
    z.strictObject({ hashes: z.array(keyHashSchema()).check(z.minLength(1), z.maxLength(MAX_BULK_HASHES)) }),
  ),
  /** The hashes waiting for the page (its inbox), taken once. */
  takeBulkInbox: ask<{ ok: true; hashes: KeyHash[] }>()(noPayload),
  /** "Find key hashes on this page": the active tab's text, read once on this click. */
  findOnPage: ask<FindOnPageReply>()(noPayload),
};
