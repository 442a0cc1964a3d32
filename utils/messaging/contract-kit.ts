import type { LookupError } from '../lookup/lookup-error';
import { onFirstUse, type z } from '../zod';

/**
 * One message of a feature's contract: the schema its payload must pass, and the type of what the
 * worker answers. The reply is a type only (`reply` is never set): the worker's handler is checked
 * against it with `satisfies`, and the pages' client is typed from it.
 */
export interface Message<Schema extends z.ZodMiniType = z.ZodMiniType, Reply = unknown> {
  readonly schema: Schema;
  reply?: Reply;
}

/** A feature's messages, by type. */
export type Contract = Record<string, Message>;

/**
 * Declares a message answered by `Reply`: `ask<Reply>()(() => schema)`. The schema is built the
 * first time a message of its type is parsed, not when the worker starts: a stopped worker woken by
 * a lookup builds the lookup's schema only (zod's constructors took about 2 ms of each start when
 * every contract's schemas were built up front).
 */
export const ask =
  <Reply>() =>
  <Schema extends z.ZodMiniType>(build: () => Schema): Message<Schema, Reply> => {
    const schema = onFirstUse(build);
    return {
      get schema() {
        return schema();
      },
    };
  };

/** Refused requests (forged sender, malformed payload) answer with this, whatever the message. */
export type Refusal = { ok: false; error: Extract<LookupError, { kind: 'invalid_request' }> };

export type PayloadOf<M extends Message> = z.output<M['schema']>;
export type ReplyOf<M extends Message> = NonNullable<M['reply']>;

/**
 * The messenger's protocol for a contract: a message takes what its schema accepts and answers its
 * reply or a refusal. A message whose schema takes nothing is sent without data.
 */
export type ProtocolOf<C extends Contract> = {
  [Type in keyof C]: z.input<C[Type]['schema']> extends undefined | null
    ? () => ReplyOf<C[Type]> | Refusal
    : (data: z.input<C[Type]['schema']>) => ReplyOf<C[Type]> | Refusal;
};
