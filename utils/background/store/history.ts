import type { ApiKey } from '../../api-key';
import { deriveBadges } from '../../badges';
import { type HistoryEntry, historyItem } from './items';

export const MAX_HISTORY = 20;

/** The badge that best sums a key up in one word: a problem if there is one, else its state. */
export function summaryStatus(key: ApiKey, now: Date): HistoryEntry['status'] {
  const badges = deriveBadges(key, now);
  const worst = badges.find((b) => b.tone === 'danger') ?? badges.find((b) => b.tone === 'warning') ?? badges[0];
  return worst ? { text: worst.text, tone: worst.tone } : { text: 'Status unknown', tone: 'neutral' };
}

/** Puts a lookup at the top of the history, once per hash, keeping the newest MAX_HISTORY. */
export function addToHistory(history: HistoryEntry[], hash: string, key: ApiKey, now: Date): HistoryEntry[] {
  const entry: HistoryEntry = { hash, name: key.name ?? null, status: summaryStatus(key, now), at: now.toISOString() };
  return [entry, ...history.filter((e) => e.hash !== hash)].slice(0, MAX_HISTORY);
}

export async function recordInHistory(hash: string, key: ApiKey, now: Date): Promise<void> {
  await historyItem.setValue(addToHistory(await historyItem.getValue(), hash, key, now));
}

export async function readHistory(): Promise<HistoryEntry[]> {
  return historyItem.getValue();
}

export async function clearHistory(): Promise<void> {
  await historyItem.removeValue();
}
