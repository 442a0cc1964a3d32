import { areSavedAccounts } from '../../accounts/background/saved-accounts';
import type { HandlersOf } from '../../messaging/background/handler';
import type { bulkContract } from '../contract';
import { cancelBulkRun, lookUpInAccount } from './bulk-lookup';
import { findHashesOnActiveTab } from './find-on-page';
import { openBulkPage, takeBulkInbox } from './inbox';

/** The messages of "Look up many keys": the page's per-account lookups and the ways into it. */
export const bulkHandlers = {
  lookupInAccount: {
    accepts: ({ accountId }) => areSavedAccounts([accountId]),
    answer: ({ hash, accountId, run }) => lookUpInAccount(hash, accountId, run),
  },
  cancelBulkRun: { answer: ({ run }) => cancelBulkRun(run) },
  openBulk: { answer: ({ hashes }) => openBulkPage(hashes) },
  takeBulkInbox: { answer: takeBulkInbox },
  findOnPage: { answer: findHashesOnActiveTab },
} satisfies HandlersOf<typeof bulkContract>;
