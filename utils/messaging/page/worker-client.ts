import type { GetReturnType } from '@webext-core/messaging';
import { sendMessage } from '../messenger';
import type { MessageType, Protocol } from '../protocol';
import { MAX_TIMEOUT_SECONDS } from '../../settings/settings';

/**
 * Longer than any lookup can take (the worker's own deadline is at most MAX_TIMEOUT_SECONDS), so
 * this fires only when the worker is gone without a word: the page then says so instead of
 * spinning.
 */
export const WORKER_REPLY_LIMIT_MS = (MAX_TIMEOUT_SECONDS + 5) * 1000;

/** The worker stopped, crashed or never answered. */
export type Interrupted = { ok: false; error: { kind: 'interrupted' } };
const interrupted: Interrupted = { ok: false, error: { kind: 'interrupted' } };

/** What the worker answers to a message of this type, or that it could not answer. */
export type WorkerReply<Type extends MessageType> = GetReturnType<Protocol[Type]> | Interrupted;

/** The payload of a message of this type: none, or the one its schema accepts. */
type Payload<Type extends MessageType> = Parameters<Protocol[Type]>;

/**
 * Sends one message to the worker, typed by its handler (utils/messaging/background/router.ts). A
 * worker that stopped, crashed or never answered becomes `interrupted`.
 */
export async function askWorker<Type extends MessageType>(
  type: Type,
  ...payload: Payload<Type>
): Promise<WorkerReply<Type>> {
  // The messenger's own overloads cannot be picked for a type still open here; `Payload` already
  // ties the data to the message.
  const send = sendMessage as (type: MessageType, data?: unknown) => Promise<GetReturnType<Protocol[Type]>>;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<Interrupted>((resolve) => {
    timer = setTimeout(() => resolve(interrupted), WORKER_REPLY_LIMIT_MS);
  });
  try {
    const reply = await Promise.race([send(type, ...payload), limit]);
    // An empty reply means no listener answered (the worker was replaced mid-message).
    return reply ?? interrupted;
  } catch {
    return interrupted;
  } finally {
    clearTimeout(timer);
  }
}
