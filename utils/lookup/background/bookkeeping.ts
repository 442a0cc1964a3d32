import type { MergedLookup } from '../account-answers';
import { showActionBadge } from '../../watch/background/toolbar-attention';
import type { KeyHash } from '../../hash-input';
import { addToHistory } from './history';
import { kept, type LastLookup } from '../../storage/background/items';
import type { LookupResult } from '../lookup-result';
import { change, type Change, changeKept } from '../../storage/background/memory';
import { withCachedKey, withoutKeys } from './result-cache';
import type { Account, Settings } from '../../settings/settings';
import { recordSpend } from '../../spend-history/background/spend-store';

/** One account's answer, as it came. */
export interface Answered {
  account: Account;
  result: LookupResult;
}

export interface AnswerRecord {
  hash: KeyHash;
  /** The accounts' answers not kept yet: a found key goes to the cache and history, a 404 out of the cache. */
  answered: Answered[];
  settings: Settings;
  /** The last-lookup record and the badge to show; absent when a newer lookup has replaced this one. */
  last?: { record: Omit<LastLookup, 'seen'>; answer: MergedLookup };
}

/**
 * Keeps what an answer leaves behind: the last-lookup record, the cache and the history in one
 * storage write per area, the toolbar badge beside them, and a watched key's spend sample.
 */
export async function keepAnswer({ hash, answered, settings, last }: AnswerRecord): Promise<void> {
  const changes: Change[] = [];
  const found = answered.flatMap(({ account, result }) =>
    result.ok ? [{ accountId: account.id, hash, key: result.key, fetchedAt: result.fetchedAt }] : [],
  );
  const gone = answered.filter(({ result }) => !result.ok && result.error.kind === 'not_found');
  if (found.length > 0 || gone.length > 0) {
    changes.push(
      change(kept.resultCache, (cache) => {
        const left = gone.reduce((all, { account }) => withoutKeys(all, { accountId: account.id, hash }), cache);
        return found.reduce(withCachedKey, left);
      }),
    );
  }
  if (found.length > 0 && settings.historyEnabled) {
    changes.push(
      change(kept.history, (history) =>
        found.reduce((list, entry) => addToHistory(list, entry, new Date(entry.fetchedAt)), history),
      ),
    );
  }
  if (last) {
    changes.push(change(kept.lastLookup, (current) => ({ ...last.record, seen: current?.seen ?? false })));
  }
  await Promise.all([
    changes.length > 0 ? changeKept(...changes) : undefined,
    last ? showActionBadge(last.answer, new Date()) : undefined,
    // A watched key's lookup is a point of its spend history too.
    recordSpend(found),
  ]);
}
