import { isKeyHash, type KeyHash } from '../hash-input';
import { MAX_BULK_HASHES } from '../extract-hashes';
import { z } from '../zod';
import { accountIdSchema } from './protocol';

const keyHash = z.custom<KeyHash>((value) => typeof value === 'string' && isKeyHash(value));

/** The bulk page asks one account about one hash: the scheduler paces each account on its own. */
export const accountLookupRequestSchema = z.strictObject({ hash: keyHash, accountId: accountIdSchema });

/** "Look up all N" in the popup: the hashes the page opens with. */
export const openBulkRequestSchema = z.strictObject({
  hashes: z.array(keyHash).check(z.minLength(1), z.maxLength(MAX_BULK_HASHES)),
});
