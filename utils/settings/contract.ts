import type { AccountFieldErrors } from '../accounts/account-input';
import { ask, type Refusal } from '../messaging/contract-kit';
import { accountIdSchema, noPayload } from '../messaging/schemas';
import { z } from '../zod';
import type { SettingsView } from './views';

/** One account as the options page sends it; `id` absent for one added on the page. */
const accountInput = () =>
  z.strictObject({
    id: z.optional(accountIdSchema()),
    name: z.string().check(z.maxLength(1024)),
    baseUrl: z.string().check(z.maxLength(2048)),
    /** Omitted: keep the saved key. */
    managementKey: z.optional(z.string().check(z.maxLength(4096))),
  });

const saveSettingsRequest = () =>
  z.strictObject({
    // More than MAX_ACCOUNTS gets its own message from the worker's check; this bounds the work.
    accounts: z.array(accountInput()).check(z.maxLength(100)),
    // null: an empty or non-numeric field. It gets a message beside its field like any other
    // invalid value. (NaN is refused: Firefox's structured clone would deliver it as it is.)
    timeoutSeconds: z.nullable(z.number()),
    /** Omitted: unchanged. */
    forgetKeyOnClose: z.optional(z.boolean()),
    historyEnabled: z.optional(z.boolean()),
    cacheSeconds: z.optional(z.nullable(z.number())),
    bulkConcurrency: z.optional(z.nullable(z.number())),
  });
export type SaveSettingsRequest = z.infer<ReturnType<typeof saveSettingsRequest>>;

export type SettingsField = 'timeoutSeconds' | 'cacheSeconds' | 'bulkConcurrency';

/** Why nothing was saved: a message beside each refused field, of the settings or of an account. */
export interface SaveRefused {
  ok: false;
  fieldErrors: Partial<Record<SettingsField, string>>;
  /** One entry per account sent, in order: {} when that account is fine. */
  accountErrors: AccountFieldErrors[];
  /** About the list itself: none left, or too many. */
  listError?: string;
}

export type SettingsReply = { ok: true; settings: SettingsView };
export type SaveSettingsReply = SettingsReply | SaveRefused | Refusal;

/** The options page's settings: read them, save them all at once (or nothing). */
export const settingsContract = {
  getSettings: ask<SettingsReply>()(noPayload),
  saveSettings: ask<SaveSettingsReply>()(saveSettingsRequest),
};
