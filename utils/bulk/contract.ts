import { isKeyHash, type KeyHash } from '../hash-input';
import { MAX_BULK_HASHES } from '../extract-hashes';
import { z } from '../zod';
import { accountIdSchema } from '../messaging/protocol';

const keyHash = z.custom<KeyHash>((value) => typeof value === 'string' && isKeyHash(value));

/** A bulk page's run, named by the page: the worker's gate lets a cancelled run's requests go unsent. */
const runIdSchema = z.string().check(z.minLength(1), z.maxLength(64));

/** The bulk page asks one account about one hash: the scheduler paces each account on its own. */
export const accountLookupRequestSchema = z.strictObject({
  hash: keyHash,
  accountId: accountIdSchema,
  run: runIdSchema,
});

/** Cancel, or the bulk page closing: that run's requests not sent yet are not sent. */
export const cancelBulkRunSchema = z.strictObject({ run: runIdSchema });

/** "Look up all N" in the popup: the hashes the page opens with. */
export const openBulkRequestSchema = z.strictObject({
  hashes: z.array(keyHash).check(z.minLength(1), z.maxLength(MAX_BULK_HASHES)),
});
