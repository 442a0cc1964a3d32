import { mergeAnswers, type MergedLookup } from '../account-answers';
import { fetchKey } from './api/fetch-key';
import { explainUnreachable } from './host-permission';
import { keepAliveDuring } from './keep-alive';
import type { KeyHash } from '../hash-input';
import type { LookupResult } from '../lookup-result';
import type { Account, Settings } from '../settings';

export interface AccountsAsked {
  /** As soon as an account has the key, or once every account has said it has not. */
  first: Promise<MergedLookup>;
  /** Once every account has answered. */
  all: Promise<MergedLookup>;
}

/** Hears each account's own answer as it comes, before it is merged with the others. */
export type OnAnswer = (account: Account, result: LookupResult) => void;

/**
 * Asks every account at once, each with its own key at its own base URL. The first answer that
 * has the key is given at once: a slow account holds up only the complete answer.
 */
export function askAccounts(settings: Settings, hash: KeyHash, signal: AbortSignal, onAnswer: OnAnswer): AccountsAsked {
  const { accounts, timeoutSeconds } = settings;
  const answers = new Map<string, LookupResult>();
  const first = Promise.withResolvers<MergedLookup>();
  const asked = accounts.map(async (account) => {
    const target = { accountId: account.id, baseUrl: account.baseUrl, timeoutSeconds };
    const result = await fetchKey({ target, hash, signal })
      .then((answer) => explainUnreachable(answer, account.baseUrl))
      .catch(
        // Only storage failing under it can make the request builder throw.
        (): LookupResult => ({ ok: false, error: { kind: 'interrupted' } }),
      );
    answers.set(account.id, result);
    onAnswer(account, result);
    const merged = mergeAnswers(accounts, answers);
    if (merged) first.resolve(merged);
  });
  // The background is kept awake until the last account has answered, however long it takes.
  const all = keepAliveDuring(Promise.all(asked)).then((): MergedLookup => {
    const merged = mergeAnswers(accounts, answers) ?? { ok: false, error: { kind: 'interrupted' } };
    first.resolve(merged);
    return merged;
  });
  return { first: first.promise, all };
}
