import { accountsContract } from '../accounts/contract';
import { bulkContract } from '../bulk/contract';
import { lockContract } from '../lock/contract';
import { lookupContract } from '../lookup/contract';
import { panelContract } from '../panel/contract';
import { settingsContract } from '../settings/contract';
import { spendHistoryContract } from '../spend-history/contract';
import { watchContract } from '../watch/contract';
import type { ProtocolOf } from './contract-kit';

/**
 * Every message between the extension's pages and its service worker: each feature's contract,
 * declared once in its own `contract.ts`. The worker's handlers are checked against it
 * (utils/messaging/background/router.ts) and the pages' client is typed from it.
 */
export const contract = {
  ...lookupContract,
  ...settingsContract,
  ...accountsContract,
  ...bulkContract,
  ...watchContract,
  ...panelContract,
  ...spendHistoryContract,
  ...lockContract,
};
export type AppContract = typeof contract;

export type Protocol = ProtocolOf<AppContract>;
export type MessageType = keyof Protocol;
