import type { ApiKey } from '../../api-key';
import { deriveBadges } from '../../card/badges';
import type { Account } from '../../settings/settings';
import { type HistoryEntry, kept } from '../../storage/background/items';
import type { HistoryItem } from '../views';
import { change, changeKept, readKept } from '../../storage/background/memory';

export const MAX_HISTORY = 20;

/** The badge that best sums a key up in one word: a problem if there is one, else its state. */
export function summaryStatus(key: ApiKey, now: Date): HistoryEntry['status'] {
  const badges = deriveBadges(key, now);
  const worst = badges.find((b) => b.tone === 'danger') ?? badges.find((b) => b.tone === 'warning') ?? badges[0];
  return worst ? { text: worst.text, tone: worst.tone } : { text: 'Status unknown', tone: 'neutral' };
}

/** A key found in an account, as the history keeps it. */
export interface Found {
  accountId: string;
  hash: string;
  key: ApiKey;
}

/** Puts a lookup at the top of the history, once per hash and account, keeping the newest MAX_HISTORY. */
export function addToHistory(history: HistoryEntry[], found: Found, now: Date): HistoryEntry[] {
  const { accountId, hash, key } = found;
  const entry: HistoryEntry = {
    hash,
    accountId,
    name: key.name ?? null,
    status: summaryStatus(key, now),
    at: now.toISOString(),
  };
  const others = history.filter((e) => e.hash !== hash || e.accountId !== accountId);
  return [entry, ...others].slice(0, MAX_HISTORY);
}

export function recordInHistory(found: Found, now: Date): Promise<void> {
  return changeKept(change(kept.history, (history) => addToHistory(history, found, now)));
}

export function readHistory(): Promise<HistoryEntry[]> {
  return readKept(kept.history);
}

/** Forgets the history, or only the entries of the given accounts (removed ones). */
export function clearHistory(accountIds?: readonly string[]): Promise<void> {
  return changeKept(
    change(kept.history, (history) =>
      accountIds === undefined ? undefined : history.filter((entry) => !accountIds.includes(entry.accountId)),
    ),
  );
}

/** Entries as the popup lists them: each names its account when there are several. */
export function labelHistory(entries: HistoryEntry[], accounts: readonly Account[]): HistoryItem[] {
  const names = new Map(accounts.length < 2 ? [] : accounts.map((account) => [account.id, account.name]));
  return entries.map(({ hash, accountId, name, status, at }) => {
    const account = names.get(accountId);
    return { hash, accountId, name, status, at, ...(account === undefined ? {} : { account }) };
  });
}
