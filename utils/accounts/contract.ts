import type { LookupError } from '../lookup/lookup-error';
import { ask, type Refusal } from '../messaging/contract-kit';
import { accountIdSchema } from '../messaging/schemas';
import type { SettingsReply } from '../settings/contract';
import { z } from '../zod';

/** A message about one saved account: its connection test, removing its key, or removing it. */
const accountRequest = () => z.strictObject({ accountId: accountIdSchema() });
export type AccountRequest = z.infer<ReturnType<typeof accountRequest>>;

export type TestConnectionReply = { ok: true } | { ok: false; error: LookupError };

/** One saved account at a time, from the options page. Every id must name a saved account. */
export const accountsContract = {
  /** Forgets the account's management key; the account stays. */
  removeKey: ask<SettingsReply | Refusal>()(accountRequest),
  /** Forgets the account, its key, its cached results and its history entries. */
  removeAccount: ask<SettingsReply | Refusal>()(accountRequest),
  /** One request with the saved key: a 404 for a hash no key has proves the key is accepted. */
  testConnection: ask<TestConnectionReply>()(accountRequest),
};
