import { isKeyHash, type KeyHash } from '../hash-input';
import { accountIdSchema } from './protocol';
import { z } from '../zod';

/** A watched key: its hash, and its account's id, which may be left out when there is one account
 * (a card then names no account). */
export const watchRequestSchema = z
  .object({
    hash: z.custom<KeyHash>((value) => typeof value === 'string' && isKeyHash(value)),
    accountId: accountIdSchema.optional(),
  })
  .strict();
export type WatchRequest = z.infer<typeof watchRequestSchema>;

/** The options' "Alerts" section as typed: thresholds as text ("80, 100"), minutes or null. */
export const saveAlertSettingsSchema = z
  .object({
    thresholds: z.string().max(200),
    intervalMinutes: z.number().nullable(),
    notify: z.boolean(),
  })
  .strict();
