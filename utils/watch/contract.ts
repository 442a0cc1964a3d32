import { isKeyHash, type KeyHash } from '../hash-input';
import { accountIdSchema } from '../messaging/protocol';
import { z } from '../zod';

/** A watched key: its hash, and its account's id, which may be left out when there is one account
 * (a card then names no account). */
export const watchRequestSchema = z.strictObject({
  hash: z.custom<KeyHash>((value) => typeof value === 'string' && isKeyHash(value)),
  accountId: z.optional(accountIdSchema),
});
export type WatchRequest = z.infer<typeof watchRequestSchema>;

/** The options' "Alerts" section as typed: thresholds as text ("80, 100"), minutes or null. */
export const saveAlertSettingsSchema = z.strictObject({
  thresholds: z.string().check(z.maxLength(200)),
  intervalMinutes: z.nullable(z.number()),
  notify: z.boolean(),
});
