import { isKeyHash, type KeyHash } from '../hash-input';
import type { LookupError } from '../lookup-error';
import type { Settings } from '../settings';
import type { MessageHandler, MessageHandlers } from '../background/message-router';
import { z } from '../zod';

/** What the UI may know about the settings: never the management key, at most its last 4. */
export interface SettingsView extends Omit<Settings, 'accounts'> {
  baseUrl: string;
  keySaved: boolean;
  keyLast4: string | null;
}

/** Messages that carry nothing: the payload must be absent. */
export const noPayload = z.undefined().or(z.null());

/** A key hash exactly as utils/hash-input.ts defines it: the popup has already picked it out of
 * what was typed, so the worker takes nothing looser. */
const keyHash = z.custom<KeyHash>((value) => typeof value === 'string' && isKeyHash(value));

export const lookupRequestSchema = z
  .object({
    hash: keyHash,
    /** Accept a key fetched within the cache time (the popup then asks again for a fresh one). */
    allowCached: z.boolean().optional(),
  })
  .strict();
export type LookupRequest = z.infer<typeof lookupRequestSchema>;

/** Asks for every account's answer to the latest lookup of this hash. */
export const completeLookupRequestSchema = z.object({ hash: keyHash }).strict();

/** An account id as the worker hands them out. Whether it names a saved account is checked by the
 * worker (utils/background/message-router.ts), which refuses any other like a malformed payload. */
export const accountIdSchema = z
  .string()
  .max(64)
  .regex(/^[a-z0-9-]+$/);

/** One account's connection test. Without an account: the first one. */
export const testConnectionRequestSchema = z.object({ accountId: accountIdSchema }).strict().optional();

export const saveSettingsRequestSchema = z
  .object({
    baseUrl: z.string().max(2048),
    // null: an empty or non-numeric field (messages are JSON, where NaN becomes null). It gets a
    // message beside its field like any other invalid value.
    timeoutSeconds: z.number().nullable(),
    /** Omitted: unchanged. */
    forgetKeyOnClose: z.boolean().optional(),
    historyEnabled: z.boolean().optional(),
    cacheSeconds: z.number().nullable().optional(),
    /** Omitted: keep the saved key. */
    managementKey: z.string().max(4096).optional(),
  })
  .strict();
export type SaveSettingsRequest = z.infer<typeof saveSettingsRequestSchema>;

export type SettingsField = 'baseUrl' | 'timeoutSeconds' | 'cacheSeconds' | 'managementKey';

/** Refused requests (forged sender, malformed payload) answer with this, whatever the message. */
export type Refusal = { ok: false; error: Extract<LookupError, { kind: 'invalid_request' }> };

export type SaveSettingsReply =
  { ok: true; settings: SettingsView } | { ok: false; fieldErrors: Partial<Record<SettingsField, string>> } | Refusal;

/**
 * The one protocol between the extension's pages and its service worker, read off the handlers in
 * utils/background/message-router.ts: a message takes what its schema accepts and answers what its
 * handler returns, or a refusal. A message whose schema is `noPayload` is sent without data.
 */
export type Protocol = {
  [Type in keyof MessageHandlers]: MessageHandlers[Type] extends MessageHandler<infer Schema, infer Reply>
    ? z.input<Schema> extends undefined | null
      ? () => Reply | Refusal
      : (data: z.input<Schema>) => Reply | Refusal
    : never;
};

export type MessageType = keyof Protocol;
