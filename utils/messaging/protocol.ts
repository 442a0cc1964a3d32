import { isKeyHash, type KeyHash } from '../hash-input';
import type { AccountFieldErrors } from '../account-input';
import type { LookupError } from '../lookup-error';
import type { Settings } from '../settings';
import type { MessageHandler, MessageHandlers } from '../background/message-router';
import { z } from '../zod';

/** What the UI may know of an account: never its management key, at most the key's last 4. */
export interface AccountView {
  id: string;
  name: string;
  baseUrl: string;
  /** null when no key is saved for it. */
  keyLast4: string | null;
}

/** What the UI may know about the settings. */
export interface SettingsView extends Omit<Settings, 'accounts'> {
  accounts: AccountView[];
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

/** A message about one saved account: its connection test, removing its key, or removing it. */
export const accountRequestSchema = z.object({ accountId: accountIdSchema }).strict();
export type AccountRequest = z.infer<typeof accountRequestSchema>;

/** One account as the options page sends it; `id` absent for one added on the page. */
const accountInputSchema = z
  .object({
    id: accountIdSchema.optional(),
    name: z.string().max(1024),
    baseUrl: z.string().max(2048),
    /** Omitted: keep the saved key. */
    managementKey: z.string().max(4096).optional(),
  })
  .strict();

export const saveSettingsRequestSchema = z
  .object({
    // More than MAX_ACCOUNTS gets its own message from the worker's check; this bounds the work.
    accounts: z.array(accountInputSchema).max(100),
    // null: an empty or non-numeric field. It gets a message beside its field like any other
    // invalid value. (NaN is refused: Firefox's structured clone would deliver it as it is.)
    timeoutSeconds: z.number().nullable(),
    /** Omitted: unchanged. */
    forgetKeyOnClose: z.boolean().optional(),
    historyEnabled: z.boolean().optional(),
    cacheSeconds: z.number().nullable().optional(),
  })
  .strict();
export type SaveSettingsRequest = z.infer<typeof saveSettingsRequestSchema>;

export type SettingsField = 'timeoutSeconds' | 'cacheSeconds';

/** Refused requests (forged sender, malformed payload) answer with this, whatever the message. */
export type Refusal = { ok: false; error: Extract<LookupError, { kind: 'invalid_request' }> };

/** Why nothing was saved: a message beside each refused field, of the settings or of an account. */
export interface SaveRefused {
  ok: false;
  fieldErrors: Partial<Record<SettingsField, string>>;
  /** One entry per account sent, in order: {} when that account is fine. */
  accountErrors: AccountFieldErrors[];
  /** About the list itself: none left, or too many. */
  listError?: string;
}

export type SaveSettingsReply = { ok: true; settings: SettingsView } | SaveRefused | Refusal;

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
