import type { HandlersOf } from '../../messaging/background/handler';
import { forgetManagementKey, removeAccount } from '../../settings/background/settings-service';
import type { accountsContract, AccountRequest } from '../contract';
import { testConnection } from './connection-test';
import { areSavedAccounts } from './saved-accounts';

const ofSavedAccount = ({ accountId }: AccountRequest) => areSavedAccounts([accountId]);

export const accountsHandlers = {
  removeKey: {
    accepts: ofSavedAccount,
    answer: async ({ accountId }) => {
      const settings = await forgetManagementKey(accountId);
      return 'ok' in settings ? settings : { ok: true, settings };
    },
  },
  removeAccount: { accepts: ofSavedAccount, answer: ({ accountId }) => removeAccount(accountId) },
  testConnection: { accepts: ofSavedAccount, answer: ({ accountId }) => testConnection(accountId) },
} satisfies HandlersOf<typeof accountsContract>;
