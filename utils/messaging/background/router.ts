import type { GetReturnType } from '@webext-core/messaging';
import { browser } from 'wxt/browser';
import { bulkHandlers } from '../../bulk/background/handlers';
import { clearHistory } from '../../lookup/background/history';
import { testConnection } from '../../accounts/background/connection-test';
import { completeLookup, lookUp, readHistoryAfterLookups } from '../../lookup/background/lookup-service';
import { popupStart } from '../../lookup/background/popup-start';
import { onMessage } from '../messenger';
import {
  accountRequestSchema,
  completeLookupRequestSchema,
  lookupRequestSchema,
  type MessageType,
  noPayload,
  type Protocol,
  type Refusal,
  saveSettingsRequestSchema,
} from '../protocol';
import { unknownAccountIds } from '../../accounts/account-input';
import { isOwnPageSender, type SenderLike } from '../sender';
import { forgetManagementKey, getSettingsView, removeAccount, saveSettings } from '../../settings/background/settings-service';
import { type HistoryItem, readSettings } from '../../storage/background/items';
import { z } from '../../zod';
import { saveAlertSettingsSchema, watchRequestSchema } from '../../watch/contract';
import {
  checkNow,
  getAlertSettings,
  listWatched,
  saveAlertSettings,
  unwatchKey,
  watchKey,
  watchStatus,
} from '../../watch/background/service';

/** A message's payload schema, and what answers a payload that passed it. */
export interface MessageHandler<Schema extends z.ZodMiniType, Reply> {
  schema: Schema;
  answer: (data: z.output<Schema>) => Promise<Reply>;
}

function handle<Schema extends z.ZodMiniType, Reply>(
  schema: Schema,
  answer: (data: z.output<Schema>) => Promise<Reply>,
): MessageHandler<Schema, Reply> {
  return { schema, answer };
}

/** Every message the pages may send. The page-side types (utils/messaging/protocol.ts) come from
 * this map, so a handler's payload and reply are declared here and nowhere else. */
const ofSavedAccount = ofSavedAccounts(accountRequestSchema, ({ accountId }) => [accountId]);

export const messageHandlers = {
  lookup: handle(lookupRequestSchema, ({ hash, allowCached }) =>
    lookUp(hash, 'popup', { allowCached: allowCached ?? false }),
  ),
  completeLookup: handle(completeLookupRequestSchema, ({ hash }) => completeLookup(hash)),
  popupStart: handle(noPayload, popupStart),
  getSettings: handle(noPayload, async () => ({ ok: true as const, settings: await getSettingsView() })),
  saveSettings: handle(
    ofSavedAccounts(saveSettingsRequestSchema, (r) => r.accounts.flatMap((a) => (a.id ? [a.id] : [])), 'all'),
    saveSettings,
  ),
  removeKey: handle(ofSavedAccount, async ({ accountId }) => ({
    ok: true as const,
    settings: await forgetManagementKey(accountId),
  })),
  removeAccount: handle(ofSavedAccount, ({ accountId }) => removeAccount(accountId)),
  testConnection: handle(ofSavedAccount, ({ accountId }) => testConnection(accountId)),
  history: handle(noPayload, async () => ({ ok: true as const, entries: await readHistoryAfterLookups() })),
  clearHistory: handle(noPayload, async () => {
    await clearHistory();
    return { ok: true as const, entries: [] as HistoryItem[] };
  }),
  ...bulkHandlers,
  watchStatus: handle(watchRequestSchema, watchStatus),
  watch: handle(watchRequestSchema, watchKey),
  unwatch: handle(watchRequestSchema, unwatchKey),
  watchlist: handle(noPayload, listWatched),
  checkWatched: handle(noPayload, checkNow),
  getAlertSettings: handle(noPayload, getAlertSettings),
  saveAlertSettings: handle(saveAlertSettingsSchema, saveAlertSettings),
};
export type MessageHandlers = typeof messageHandlers;

type Reply<Type extends MessageType> = GetReturnType<Protocol[Type]>;

/** Answers the pages' messages, each through `answer` below. */
export function registerMessageHandlers(): void {
  for (const type of Object.keys(messageHandlers) as MessageType[]) register(type);
}

function register<Type extends MessageType>(type: Type): void {
  // Each handler's payload and reply are checked where the map is written, and `Protocol` is read
  // off it; indexed by a type parameter, TypeScript no longer sees that the two match.
  const handler: MessageHandler<z.ZodMiniType, unknown> = messageHandlers[type];
  onMessage(type, ({ data, sender }) => answer(handler, data, sender) as Promise<Reply<Type>>);
}

/**
 * Checks the sender first: only this extension's own popup, options or card page is answered (see
 * `isOwnPageSender` for each sender refused). Then parses the payload from `unknown`, once. A
 * forged sender or a payload of the wrong shape gets a typed refusal and changes nothing.
 */
async function answer<Reply>(
  handler: MessageHandler<z.ZodMiniType, Reply>,
  data: unknown,
  sender: SenderLike,
): Promise<Reply | Refusal> {
  const self = { id: browser.runtime.id, rootUrl: browser.runtime.getURL('/popup.html') };
  if (!isOwnPageSender(sender, self))
    return refusalOf('Refused: the message did not come from this extension’s own pages.');
  const payload = await handler.schema.safeParseAsync(data);
  if (!payload.success) return refusalOf('Refused: the message was not of the expected shape.');
  return handler.answer(payload.data);
}

/**
 * The schema, refusing also a payload whose account ids (read by `idsOf`) name no saved account
 * or one twice, or, with 'all', leave a saved account out: a page only ever sends the ids the
 * worker gave it, so any other is as wrong as a malformed payload, and is refused the same way.
 */
function ofSavedAccounts<Schema extends z.ZodMiniType>(
  schema: Schema,
  idsOf: (data: z.output<Schema>) => string[],
  every?: 'all',
) {
  return schema.check(
    z.refine(async (data: z.output<Schema>) => {
      const ids = idsOf(data);
      const saved = (await readSettings()).accounts.map((account) => account.id);
      const unknown = unknownAccountIds(
        ids.map((id) => ({ id })),
        saved,
      );
      return unknown.length === 0 && (every !== 'all' || saved.every((id) => ids.includes(id)));
    }),
  );
}

function refusalOf(message: string): Refusal {
  return { ok: false, error: { kind: 'invalid_request', message } };
}
