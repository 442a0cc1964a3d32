import { storage } from 'wxt/utils/storage';
import type { ApiKey } from '../../api-key';
import type { BadgeTone } from '../../badges';
import type { KeyHash } from '../../hash-input';
import type { LookupResult } from '../../lookup-result';
import { DEFAULT_SETTINGS, migrateSettingsV1, type Settings, type SettingsV1 } from '../../settings';

// Every storage item but the management key is declared here. The key lives in
// utils/management-key.ts so that no module can read it by importing this file.

/** What the options page saves (all but the key). v2 added forgetKeyOnClose, history, cache. */
export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 2,
  migrations: { 2: (old: SettingsV1) => migrateSettingsV1(old) },
});

/** The settings, with defaults for anything a damaged or partial record lacks. */
export async function readSettings(): Promise<Settings> {
  return { ...DEFAULT_SETTINGS, ...(await settingsItem.getValue()) };
}

/** The most recent lookup (hash and result, never the management key), so that a popup opened
 * after a context-menu lookup, or in a fallback window, shows that result. */
export const lastLookupItem = storage.defineItem<LastLookup | null>('session:lastLookup', {
  fallback: null,
  version: 1,
});

export interface LastLookup {
  /** null when the selected text held no single hash (see `choices` and `result`). */
  hash: KeyHash | null;
  /** Several hashes in the selected text: the popup asks which one. */
  choices?: KeyHash[];
  /** null while the lookup is still in flight. */
  result: LookupResult | null;
  /** ISO time the lookup started. */
  startedAt: string;
  source: 'popup' | 'context_menu';
  /** Set once the popup has shown it, so an old result does not greet the next opening. */
  seen: boolean;
}

/** Recent successful lookups by hash, shown at once on a repeat lookup while a fresh one runs.
 * Session storage: gone when the browser closes; cleared when the key or the base URL changes. */
export const resultCacheItem = storage.defineItem<Record<string, CachedKey>>('session:resultCache', {
  fallback: {},
  version: 1,
});

export interface CachedKey {
  key: ApiKey;
  /** ISO time the API answered. */
  fetchedAt: string;
}

/** The last lookups, newest first: hash, name, a status word, when. No usage figures, no key. */
export const historyItem = storage.defineItem<HistoryEntry[]>('local:history', {
  fallback: [],
  version: 1,
});

export interface HistoryEntry {
  hash: string;
  name: string | null;
  status: { text: string; tone: BadgeTone };
  /** ISO time of the lookup. */
  at: string;
}
