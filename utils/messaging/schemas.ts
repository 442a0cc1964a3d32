import { isKeyHash, type KeyHash } from '../hash-input';
import { z } from '../zod';

// Each schema here is a builder: a contract's schema is built on its first use (contract-kit.ts),
// and the parts it takes from here with it, so none is built as the worker starts.

/** Messages that carry nothing: the payload must be absent. */
export const noPayload = () => z.union([z.undefined(), z.null()]);

/** A key hash exactly as utils/hash-input.ts defines it: a page has already picked it out of what
 * was typed, so the worker takes nothing looser. The one key-hash schema of every contract. */
export const keyHashSchema = () => z.custom<KeyHash>((value) => typeof value === 'string' && isKeyHash(value));

/** An account id as the worker hands them out. Whether it names a saved account is the worker's
 * own check (each handler's `accepts`), which refuses any other like a malformed payload. */
export const accountIdSchema = () => z.string().check(z.maxLength(64), z.regex(/^[a-z0-9-]+$/));
