import { isKeyHash, type KeyHash } from '../hash-input';
import type { AccountFieldErrors } from '../accounts/account-input';
import type { LookupError } from '../lookup/lookup-error';
import type { Settings } from '../settings/settings';
import type { MessageHandler, MessageHandlers } from './background/router';
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
export const noPayload = z.union([z.undefined(), z.null()]);

/** A key hash exactly as utils/hash-input.ts defines it: the popup has already picked it out of
 * what was typed, so the worker takes nothing looser. */
const keyHash = z.custom<KeyHash>((value) => typeof value === 'string' && isKeyHash(value));

export const lookupRequestSchema = z.strictObject({
  hash: keyHash,
  /** Accept a key fetched within the cache time (the popup then asks again for a fresh one). */
  allowCached: z.optional(z.boolean()),
});
export type LookupRequest = z.infer<typeof lookupRequestSchema>;

/** Asks for every account's answer to the latest lookup of this hash. */
export const completeLookupRequestSchema = z.strictObject({ hash: keyHash });

/** An account id as the worker hands them out. Whether it names a saved account is checked by the
 * worker (utils/messaging/background/router.ts), which refuses any other like a malformed payload. */
export const accountIdSchema = z.string().check(z.maxLength(64), z.regex(/^[a-z0-9-]+$/));

/** A message about one saved account: its connection test, removing its key, or removing it. */
export const accountRequestSchema = z.strictObject({ accountId: accountIdSchema });
export type AccountRequest = z.infer<typeof accountRequestSchema>;

/** One account as the options page sends it; `id` absent for one added on the page. */
const accountInputSchema = z.strictObject({
  id: z.optional(accountIdSchema),
  name: z.string().check(z.maxLength(1024)),
  baseUrl: z.string().check(z.maxLength(2048)),
  /** Omitted: keep the saved key. */
  managementKey: z.optional(z.string().check(z.maxLength(4096))),
});

export const saveSettingsRequestSchema = z.strictObject({
  // More than MAX_ACCOUNTS gets its own message from the worker's check; this bounds the work.
  accounts: z.array(accountInputSchema).check(z.maxLength(100)),
  // null: an empty or non-numeric field. It gets a message beside its field like any other
  // invalid value. (NaN is refused: Firefox's structured clone would deliver it as it is.)
  timeoutSeconds: z.nullable(z.number()),
  /** Omitted: unchanged. */
  forgetKeyOnClose: z.optional(z.boolean()),
  historyEnabled: z.optional(z.boolean()),
  cacheSeconds: z.optional(z.nullable(z.number())),
  bulkConcurrency: z.optional(z.nullable(z.number())),
});
export type SaveSettingsRequest = z.infer<typeof saveSettingsRequestSchema>;

export type SettingsField = 'timeoutSeconds' | 'cacheSeconds' | 'bulkConcurrency';

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
 * utils/messaging/background/router.ts: a message takes what its schema accepts and answers what its
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
