import { z } from './zod';

/**
 * A documented field that is missing, null where the spec forbids it, or of the wrong type is
 * `undefined` here, and the card shows it as "unknown". Where the spec allows null (no limit, no
 * expiry), null keeps that meaning and is distinct from unknown.
 */
const tolerant = <T extends z.ZodMiniType>(schema: T) => z.catch(z.optional(schema), undefined);

const money = tolerant(z.number());
const moneyOrNull = tolerant(z.nullable(z.number()));
const text = tolerant(z.string());
const textOrNull = tolerant(z.nullable(z.string()));
const flag = tolerant(z.boolean());

/** The `data` object of `GET /keys/{hash}` (spec/modelgates-keys.openapi.yaml). */
export const apiKeySchema = z.object({
  // Without its hash the card cannot say which key it shows, so this one field is strict.
  hash: z.string().check(z.minLength(1)),
  name: text,
  label: text,
  disabled: flag,
  expires_at: textOrNull,
  created_at: text,
  updated_at: textOrNull,
  creator_user_id: textOrNull,
  workspace_id: text,
  limit: moneyOrNull,
  limit_remaining: moneyOrNull,
  limit_reset: textOrNull,
  include_byok_in_limit: flag,
  usage: money,
  usage_daily: money,
  usage_weekly: money,
  usage_monthly: money,
  byok_usage: money,
  byok_usage_daily: money,
  byok_usage_weekly: money,
  byok_usage_monthly: money,
});

/** One API key as the card shows it; unknown keys of the response are dropped. */
export type ApiKey = z.infer<typeof apiKeySchema>;

/** The 200 body: anything that is not an object with a `data` object is a bad response. */
export const keyResponseSchema = z.object({ data: apiKeySchema });

/** The API's error body (`error.message`), read only to show as detail text. */
export const errorBodySchema = z.object({
  error: z.object({ message: z.string().check(z.minLength(1), z.maxLength(500)) }),
});
