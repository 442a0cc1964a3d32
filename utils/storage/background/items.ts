import { defineOnUse } from './defined-on-use';
import type { AlertSettings } from '../../watch/alert-settings';
import { DEFAULT_ALERT_SETTINGS } from '../../watch/alert-settings-check';
import type { KeyHash } from '../../hash-input';
import { DEFAULT_PANEL_SETTINGS, type PanelSettings } from '../../panel/settings';
import type { StackCard } from '../../panel/stack';
import {
  DEFAULT_SETTINGS,
  FIRST_ACCOUNT,
  migrateSettingsV1,
  migrateSettingsV2,
  type Settings,
  type SettingsV1,
  type SettingsV2,
} from '../../settings/settings';
import { adoptLegacyKey } from '../../accounts/background/management-key';
import type { StoredSeries } from '../../spend-history/stored';
import { DEFAULT_LOCK_SETTINGS, type LockSettings } from '../../lock/lock-settings';
import { NO_FAILURES, type UnlockFailures } from '../../lock/backoff';
import { type Kept, readKept } from './memory';
import type { CachedKey, HistoryEntry, LastLookup, WatchEntry } from './records';

export type { CachedKey, HistoryEntry, LastLookup, WatchEntry } from './records';

// Every storage item but the management keys is declared here. The keys live in
// ./management-key.ts so that no module can read one by importing this file.

/** Each item's version: WXT migrates to it, and the worker writes it beside what it writes. */
const VERSION = {
  settings: 3,
  lastLookup: 2,
  resultCache: 2,
  history: 2,
  watchlist: 1,
  alertSettings: 1,
  panelStack: 1,
  panelSettings: 1,
  spendHistory: 1,
  lockSettings: 1,
  unlockFailures: 1,
  lastUsed: 1,
  checkSkippedLocked: 1,
} as const;

/**
 * What the options page saves (all but the keys). v2 added forgetKeyOnClose, history, cache;
 * v3 turned the one base URL into a list of accounts, and the saved key into the first one's.
 */
export const settingsItem = defineOnUse<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: VERSION.settings,
  migrations: {
    2: (old: SettingsV1) => migrateSettingsV1(old),
    3: async (old: SettingsV2) => {
      await adoptLegacyKey(FIRST_ACCOUNT.id);
      return migrateSettingsV2(old);
    },
  },
});

/** The settings, with defaults for anything a damaged or partial record lacks. */
export async function readSettings(): Promise<Settings> {
  const stored = { ...DEFAULT_SETTINGS, ...(await readKept(kept.settings)) };
  return Array.isArray(stored.accounts) && stored.accounts.length > 0
    ? stored
    : { ...stored, accounts: DEFAULT_SETTINGS.accounts };
}

/** The most recent lookup (hash and result, never a management key), so that a popup opened
 * after a context-menu lookup, or in a fallback window, shows that result. v2: the result merges
 * the answers of every account (a v1 record is dropped: it lives for one session anyway). */
export const lastLookupItem = defineOnUse<LastLookup | null>('session:lastLookup', {
  fallback: null,
  version: VERSION.lastLookup,
  migrations: { 2: () => null },
});

/** Recent successful lookups by account and hash, shown at once on a repeat lookup while a fresh
 * one runs. Session storage: gone when the browser closes; an account's entries go when its key or
 * base URL changes or it is removed. v2 filed them by account too (v1 entries are dropped). */
export const resultCacheItem = defineOnUse<Record<string, CachedKey>>('session:resultCache', {
  fallback: {},
  version: VERSION.resultCache,
  migrations: { 2: () => ({}) },
});

/** The last lookups, newest first: hash, account, name, a status word, when. No usage figures, no
 * key. v2 added the account; entries of the single-key version belong to the first account. */
export const historyItem = defineOnUse<HistoryEntry[]>('local:history', {
  fallback: [],
  version: VERSION.history,
  migrations: {
    2: (old: Omit<HistoryEntry, 'accountId'>[]) => old.map((entry) => ({ ...entry, accountId: FIRST_ACCOUNT.id })),
  },
});

/**
 * Hashes on their way to the bulk page: from the popup's "Look up all N", a selection with several
 * hashes or "Find key hashes on this page". Only the hashes are kept, never the text they were
 * found in (it may hold a secret key), and only until the page has taken them.
 */
export const bulkInboxItem = defineOnUse<KeyHash[]>('session:bulkInbox', { fallback: [], version: 1 });

/** The watched keys, oldest first. Local storage, so alerts stay raised across restarts. */
export const watchlistItem = defineOnUse<WatchEntry[]>('local:watchlist', {
  fallback: [],
  version: VERSION.watchlist,
});

/** The options' "Alerts" section (utils/watch/alert-settings.ts). Apart from `settings`, so it needs no
 * migration of its own. */
export const alertSettingsItem = defineOnUse<AlertSettings>('local:alertSettings', {
  fallback: DEFAULT_ALERT_SETTINGS,
  version: VERSION.alertSettings,
});

/**
 * The side panel's stack of this session's cards, newest first (utils/panel/stack.ts): the card's
 * data as the lookup found it, never a key. Session storage only, like the result cache, so its
 * spend figures are never on disk: the stack survives closing and reopening the panel, and is gone
 * when the browser closes. "Clear" empties it; removing an account takes what that account found.
 */
export const panelStackItem = defineOnUse<StackCard[]>('session:panelStack', {
  fallback: [],
  version: VERSION.panelStack,
});

/** The options' "Side panel" section (utils/panel/settings.ts): where right-click lookups show. */
export const panelSettingsItem = defineOnUse<PanelSettings>('local:panelSettings', {
  fallback: DEFAULT_PANEL_SETTINGS,
  version: VERSION.panelSettings,
});

/**
 * The spend history of watched keys (utils/spend-history/): for each key (hash and account), a
 * sample per check or lookup of it (time, spend in all and this period, limit, remaining; never a
 * key), thinned to every sample for 48 h, one an hour to 14 days, one a day to 90 days, and capped
 * at 4 MiB. Local storage; a key's history goes when the user says so on stopping watching it, or
 * with its account.
 */
export const spendHistoryItem = defineOnUse<StoredSeries[]>('local:spendHistory', {
  fallback: [],
  version: VERSION.spendHistory,
});

/** The options' "Lock" section: when the vault locks by itself (utils/lock/lock-settings.ts). */
export const lockSettingsItem = defineOnUse<LockSettings>('local:lockSettings', {
  fallback: DEFAULT_LOCK_SETTINGS,
  version: VERSION.lockSettings,
});

/** Wrong passphrases in a row, and when: the unlock back-off (utils/lock/backoff.ts), kept across restarts. */
export const unlockFailuresItem = defineOnUse<UnlockFailures>('local:unlockFailures', {
  fallback: NO_FAILURES,
  version: VERSION.unlockFailures,
});

/** ISO time of the last use while unlocked: the auto-lock counts from it (a new session starts locked). */
export const lastUsedItem = defineOnUse<string | null>('session:lastUsed', {
  fallback: null,
  version: VERSION.lastUsed,
});

/** ISO time of the first watch check skipped while locked since the last one that ran, or null:
 * the watched list says "Not checked since … (locked)". */
export const checkSkippedLockedItem = defineOnUse<string | null>('local:checkSkippedLocked', {
  fallback: null,
  version: VERSION.checkSkippedLocked,
});

/** An item as the worker keeps it in memory once read (./memory.ts), with the version it writes. */
const keep = <T>(item: Kept<T>['item'], version: number): Kept<T> => ({ item, version });

/** The items above (but the bulk inbox) as the worker keeps them in memory once read (./memory.ts). */
export const kept = {
  settings: keep(settingsItem, VERSION.settings),
  lastLookup: keep(lastLookupItem, VERSION.lastLookup),
  resultCache: keep(resultCacheItem, VERSION.resultCache),
  history: keep(historyItem, VERSION.history),
  watchlist: keep(watchlistItem, VERSION.watchlist),
  alertSettings: keep(alertSettingsItem, VERSION.alertSettings),
  panelStack: keep(panelStackItem, VERSION.panelStack),
  panelSettings: keep(panelSettingsItem, VERSION.panelSettings),
  spendHistory: keep(spendHistoryItem, VERSION.spendHistory),
  lockSettings: keep(lockSettingsItem, VERSION.lockSettings),
  unlockFailures: keep(unlockFailuresItem, VERSION.unlockFailures),
  lastUsed: keep(lastUsedItem, VERSION.lastUsed),
  checkSkippedLocked: keep(checkSkippedLockedItem, VERSION.checkSkippedLocked),
};
