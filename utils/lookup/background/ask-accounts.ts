import { mergeAnswers, type MergedLookup } from '../account-answers';
import { fetchKey } from './api/fetch-key';
import { explainUnreachable } from '../../accounts/background/host-permission';
import { keepAliveDuring } from './keep-alive';
import type { KeyHash } from '../../hash-input';
import type { LookupResult } from '../lookup-result';
import type { Account, Settings } from '../../settings/settings';

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
 * has the key is given at once: a slow account holds up only the complete answer. The background
 * is kept awake until every account has answered.
 */
export function askAccounts(settings: Settings, hash: KeyHash, signal: AbortSignal, onAnswer: OnAnswer): AccountsAsked {
  const { accounts, timeoutSeconds } = settings;
  const answers = new Map<string, LookupResult>();
  const first = Promise.withResolvers<MergedLookup>();
  const asked = accounts.map(async (account) => {
    const target = { accountId: account.id, baseUrl: account.baseUrl, timeoutSeconds };
    const result = await askOne(target, hash, signal);
    answers.set(account.id, result);
    onAnswer(account, result);
    const merged = mergeAnswers(accounts, answers);
    if (merged) first.resolve(merged);
  });
  const all = keepAliveDuring(Promise.all(asked)).then((): MergedLookup => {
    const merged = mergeAnswers(accounts, answers) ?? { ok: false, error: { kind: 'interrupted' } };
    first.resolve(merged);
    return merged;
  });
  return { first: first.promise, all };
}

/** One account's answer; a failure to reach it explained by a missing host grant when that is the cause. */
export async function askOne(
  target: { accountId: string; baseUrl: string; timeoutSeconds: number },
  hash: KeyHash,
  signal?: AbortSignal,
): Promise<LookupResult> {
  const result = await fetchKey({ target, hash, signal }).catch(
    // Only storage failing under it can make the request builder throw.
    (): LookupResult => ({ ok: false, error: { kind: 'interrupted' } }),
  );
  return explainUnreachable(result, target.baseUrl);
}
