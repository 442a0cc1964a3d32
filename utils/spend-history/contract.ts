import { ask } from '../messaging/contract-kit';
import { accountIdSchema, keyHashSchema } from '../messaging/schemas';
import { z } from '../zod';
import type { SpendHistoryView } from './view';

/** A key's history: its hash, and its account's id, which may be left out when there is one account. */
const spendHistoryRequest = () =>
  z.strictObject({
    hash: keyHashSchema(),
    accountId: z.optional(accountIdSchema()),
  });

export type SpendHistoryReply = { ok: true; history: SpendHistoryView } | { ok: false; message: string };

/** The spend history of watched keys, for the card page's chart, table and CSV. */
export const spendHistoryContract = {
  spendHistory: ask<SpendHistoryReply>()(spendHistoryRequest),
};
