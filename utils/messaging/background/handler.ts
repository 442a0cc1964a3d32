import type { Contract, Message, PayloadOf, ReplyOf } from '../contract-kit';

/** How the worker answers one message of a contract. */
export interface Handler<M extends Message> {
  /**
   * A payload of the right shape that the worker still refuses, like a malformed one: account ids
   * that name no saved account (a page only ever sends the ids the worker gave it).
   */
  accepts?: (data: PayloadOf<M>) => Promise<boolean>;
  answer: (data: PayloadOf<M>) => Promise<ReplyOf<M>>;
}

/** A feature's handlers: one for each message of its contract, each answering its declared reply. */
export type HandlersOf<C extends Contract> = { [Type in keyof C]: Handler<C[Type]> };
