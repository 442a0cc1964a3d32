import { onFirstUse, z } from './zod';

/**
 * A documented field that is missing, null where the spec forbids it, or of the wrong type is
 * `undefined` here, and the card shows it as "unknown". Where the spec allows null (no limit, no
 * expiry), null keeps that meaning and is distinct from unknown.
 */
const tolerant = <T extends z.ZodMiniType>(schema: T) => z.catch(z.optional(schema), undefined);

/**
 * The fields of `GET /keys/{hash}`'s `data` object (spec/modelgates-keys.openapi.yaml), each with
 * its schema, in the spec's order.
 */
export function apiKeyShape() {
  const money = tolerant(z.number());
  const moneyOrNull = tolerant(z.nullable(z.number()));
  const text = tolerant(z.string());
  const textOrNull = tolerant(z.nullable(z.string()));
  const flag = tolerant(z.boolean());
  return {
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
  };
}

/**
 * The `data` object, built on first use rather than as the worker starts, where it stood between
 * a woken worker and the message that woke it (the largest of the worker's schemas). A worker
 * woken by a lookup builds it while its request is out (`prepareKeyParsing` in
 * lookup/background/api/key-request.ts).
 */
export const apiKeySchema = onFirstUse(() => z.object(apiKeyShape()));

/** One API key as the card shows it; unknown keys of the response are dropped. */
export type ApiKey = z.infer<ReturnType<typeof apiKeySchema>>;

/** The 200 body: anything that is not an object with a `data` object is a bad response. */
export const keyResponseSchema = onFirstUse(() => z.object({ data: apiKeySchema() }));

/** The API's error body (`error.message`), read only to show as detail text. */
export const errorBodySchema = onFirstUse(() =>
  z.object({ error: z.object({ message: z.string().check(z.minLength(1), z.maxLength(500)) }) }),
);
