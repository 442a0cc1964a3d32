import type { GetReturnType } from '@webext-core/messaging';
import { browser } from 'wxt/browser';
import { accountsHandlers } from '../../accounts/background/handlers';
import { bulkHandlers } from '../../bulk/background/handlers';
import { lookupHandlers } from '../../lookup/background/handlers';
import { panelHandlers } from '../../panel/background/handlers';
import { lockHandlers } from '../../lock/background/handlers';
import { noteUse } from '../../lock/background/lock-state';
import { settingsHandlers } from '../../settings/background/handlers';
import { spendHistoryHandlers } from '../../spend-history/background/handlers';
import { watchHandlers } from '../../watch/background/handlers';
import type { Message, Refusal } from '../contract-kit';
import { onMessage } from '../messenger';
import { contract, type AppContract, type MessageType, type Protocol } from '../protocol';
import { isOwnPageSender, type SenderLike } from '../sender';
import type { Handler, HandlersOf } from './handler';

/** Every feature's handlers: the compiler says when a message of the contract has none, or a
 * handler's reply is not the one its contract declares. */
const handlers = {
  ...lookupHandlers,
  ...settingsHandlers,
  ...accountsHandlers,
  ...bulkHandlers,
  ...watchHandlers,
  ...panelHandlers,
  ...spendHistoryHandlers,
  ...lockHandlers,
} satisfies HandlersOf<AppContract>;

/** Answers the pages' messages, each through `answer` below. */
export function registerMessageHandlers(): void {
  for (const type of Object.keys(contract) as MessageType[]) register(type);
}

function register<Type extends MessageType>(type: Type): void {
  // Each handler is checked against its message where `handlers` is written; indexed by a type
  // parameter, TypeScript no longer sees that the two match.
  const message: Message = contract[type];
  const handler = handlers[type] as Handler<Message>;
  onMessage(
    type,
    ({ data, sender }) => answer(message, handler, data, sender) as Promise<GetReturnType<Protocol[Type]>>,
  );
}

/**
 * Checks the sender first: only this extension's own pages are answered (see `isOwnPageSender`
 * for each sender refused). Then parses the payload from `unknown`, once, and lets the handler
 * refuse ids it does not know. A forged sender or a payload of the wrong shape gets a typed
 * refusal and changes nothing.
 */
async function answer(message: Message, handler: Handler<Message>, data: unknown, sender: SenderLike) {
  const self = { id: browser.runtime.id, rootUrl: browser.runtime.getURL('/popup.html') };
  if (!isOwnPageSender(sender, self))
    return refusalOf('Refused: the message did not come from this extension’s own pages.');
  // A page asking is a use: the lock's time without use counts from it (or has run out, and it locks).
  await noteUse(new Date());
  const payload = message.schema.safeParse(data);
  if (!payload.success || (handler.accepts && !(await handler.accepts(payload.data))))
    return refusalOf('Refused: the message was not of the expected shape.');
  return handler.answer(payload.data);
}

function refusalOf(message: string): Refusal {
  return { ok: false, error: { kind: 'invalid_request', message } };
}
