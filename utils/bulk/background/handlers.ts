import type { MessageHandler } from '../../messaging/background/router';
import { accountLookupRequestSchema, cancelBulkRunSchema, openBulkRequestSchema } from '../contract';
import { noPayload } from '../../messaging/protocol';
import { z } from '../../zod';
import { openBulkPage, takeBulkInbox } from './inbox';
import { cancelBulkRun, lookUpInAccount } from './bulk-lookup';
import { findHashesOnActiveTab } from './find-on-page';
import { readSettings } from '../../storage/background/items';

const handler = <Schema extends z.ZodMiniType, Reply>(
  schema: Schema,
  answer: (data: z.output<Schema>) => Promise<Reply>,
): MessageHandler<Schema, Reply> => ({ schema, answer });

/** The messages of "Look up many keys": the page's per-account lookups and the ways into it. */
export const bulkHandlers = {
  lookupInAccount: handler(
    // The page sends only ids the worker gave it: any other is refused like a malformed payload.
    accountLookupRequestSchema.check(
      z.refine(async ({ accountId }) => (await readSettings()).accounts.some((account) => account.id === accountId)),
    ),
    ({ hash, accountId, run }) => lookUpInAccount(hash, accountId, run),
  ),
  cancelBulkRun: handler(cancelBulkRunSchema, ({ run }) => cancelBulkRun(run)),
  openBulk: handler(openBulkRequestSchema, ({ hashes }) => openBulkPage(hashes)),
  takeBulkInbox: handler(noPayload, takeBulkInbox),
  findOnPage: handler(noPayload, findHashesOnActiveTab),
};
