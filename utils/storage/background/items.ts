import { storage } from 'wxt/utils/storage';
import type { ApiKey } from '../../api-key';
import type { AlertSettings } from '../../watch/alert-settings';
import { DEFAULT_ALERT_SETTINGS } from '../../watch/alert-settings-check';
import type { WatchState } from '../../watch/alerts';
import type { BadgeTone } from '../../card/badges';
import type { KeyHash } from '../../hash-input';
import type { MergedLookup } from '../../lookup/account-answers';
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
import { DEFAULT_LOCK_SETTINGS, type LockSettings } from '../../lock/lock-settings';
import { NO_FAILURES, type UnlockFailures } from '../../lock/backoff';
import { type Kept, readKept } from './memory';

// Every storage item but the management keys is declared here. The keys live in
// ./management-key.ts so that no module can read one by importing this file.

/** Each item's version: WXT migrates to it, and the worker writes it beside what it writes. */
const VERSION = {
  ...{ settings: 3, lastLookup: 2, resultCache: 2, history: 2, watchlist: 1, alertSettings: 1 },
  ...{ lockSettings: 1, unlockFailures: 1, lastUsed: 1, checkSkippedLocked: 1 },
} as const;

/**
 * What the options page saves (all but the keys). v2 added forgetKeyOnClose, history, cache;
 * v3 turned the one base URL into a list of accounts, and the saved key into the first one's.
 */
export const settingsItem = storage.defineItem<Settings>('local:settings', {
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
export const lastLookupItem = storage.defineItem<LastLookup | null>('session:lastLookup', {
  fallback: null,
  version: VERSION.lastLookup,
  migrations: { 2: () => null },
});

export interface LastLookup {
  /** null when the selected text held no single hash (see `choices` and `result`). */
  hash: KeyHash | null;
  /** Several hashes in the selected text: the popup asks which one. */
  choices?: KeyHash[];
  /** null while the lookup is still in flight; with `pending` while slower accounts still answer. */
  result: MergedLookup | null;
  /** ISO time the lookup started. */
  startedAt: string;
  source: 'popup' | 'context_menu' | 'omnibox';
  /** Set once the popup has shown it, so an old result does not greet the next opening. */
  seen: boolean;
}

/** Recent successful lookups by account and hash, shown at once on a repeat lookup while a fresh
 * one runs. Session storage: gone when the browser closes; an account's entries go when its key or
 * base URL changes or it is removed. v2 filed them by account too (v1 entries are dropped). */
export const resultCacheItem = storage.defineItem<Record<string, CachedKey>>('session:resultCache', {
  fallback: {},
  version: VERSION.resultCache,
  migrations: { 2: () => ({}) },
});

export interface CachedKey {
  /** The account that answered with this key. */
  accountId: string;
  hash: string;
  key: ApiKey;
  /** ISO time the API answered. */
  fetchedAt: string;
}

/** The last lookups, newest first: hash, account, name, a status word, when. No usage figures, no
 * key. v2 added the account; entries of the single-key version belong to the first account. */
export const historyItem = storage.defineItem<HistoryEntry[]>('local:history', {
  fallback: [],
  version: VERSION.history,
  migrations: {
    2: (old: Omit<HistoryEntry, 'accountId'>[]) => old.map((entry) => ({ ...entry, accountId: FIRST_ACCOUNT.id })),
  },
});

export interface HistoryEntry {
  hash: string;
  /** The account the key was found in. */
  accountId: string;
  name: string | null;
  status: { text: string; tone: BadgeTone };
  /** ISO time of the lookup. */
  at: string;
}

/**
 * Hashes on their way to the bulk page: from the popup's "Look up all N", a selection with several
 * hashes or "Find key hashes on this page". Only the hashes are kept, never the text they were
 * found in (it may hold a secret key), and only until the page has taken them.
 */
export const bulkInboxItem = storage.defineItem<KeyHash[]>('session:bulkInbox', { fallback: [], version: 1 });

/** One watched key: which hash in which account, and what its last good check found. */
export interface WatchEntry {
  hash: string;
  accountId: string;
  /** ISO time the user chose to watch it. */
  addedAt: string;
  /**
   * The last good check (name, status, expiry, limit and what is left of it: no other usage
   * figures, never a key), when checks were tried, and the alerts already raised. The alerts are
   * stored with the state, so a restarted worker never raises one again.
   */
  state: WatchState;
}

/** The watched keys, oldest first. Local storage, so alerts stay raised across restarts. */
export const watchlistItem = storage.defineItem<WatchEntry[]>('local:watchlist', {
  fallback: [],
  version: VERSION.watchlist,
});

/** The options' "Alerts" section (utils/watch/alert-settings.ts). Apart from `settings`, so it needs no
 * migration of its own. */
export const alertSettingsItem = storage.defineItem<AlertSettings>('local:alertSettings', {
  fallback: DEFAULT_ALERT_SETTINGS,
  version: VERSION.alertSettings,
});

/** The options' "Lock" section: when the vault locks by itself (utils/lock/lock-settings.ts). */
export const lockSettingsItem = storage.defineItem<LockSettings>('local:lockSettings', {
  fallback: DEFAULT_LOCK_SETTINGS,
  version: VERSION.lockSettings,
});

/** Wrong passphrases in a row, and when: the unlock back-off (utils/lock/backoff.ts), kept across restarts. */
export const unlockFailuresItem = storage.defineItem<UnlockFailures>('local:unlockFailures', {
  fallback: NO_FAILURES,
  version: VERSION.unlockFailures,
});

/** ISO time of the last use while unlocked: the auto-lock counts from it (a new session starts locked). */
export const lastUsedItem = storage.defineItem<string | null>('session:lastUsed', {
  fallback: null,
  version: VERSION.lastUsed,
});

/** ISO time of the first watch check skipped while locked since the last one that ran, or null:
 * the watched list says "Not checked since … (locked)". */
export const checkSkippedLockedItem = storage.defineItem<string | null>('local:checkSkippedLocked', {
  fallback: null,
  version: VERSION.checkSkippedLocked,
});

/** The items above (but the bulk inbox) as the worker keeps them in memory once read (./memory.ts). */
export const kept: {
  settings: Kept<Settings>;
  lastLookup: Kept<LastLookup | null>;
  resultCache: Kept<Record<string, CachedKey>>;
  history: Kept<HistoryEntry[]>;
  watchlist: Kept<WatchEntry[]>;
  alertSettings: Kept<AlertSettings>;
  lockSettings: Kept<LockSettings>;
  unlockFailures: Kept<UnlockFailures>;
  lastUsed: Kept<string | null>;
  checkSkippedLocked: Kept<string | null>;
} = {
  settings: { item: settingsItem, version: VERSION.settings },
  lastLookup: { item: lastLookupItem, version: VERSION.lastLookup },
  resultCache: { item: resultCacheItem, version: VERSION.resultCache },
  history: { item: historyItem, version: VERSION.history },
  watchlist: { item: watchlistItem, version: VERSION.watchlist },
  alertSettings: { item: alertSettingsItem, version: VERSION.alertSettings },
  lockSettings: { item: lockSettingsItem, version: VERSION.lockSettings },
  unlockFailures: { item: unlockFailuresItem, version: VERSION.unlockFailures },
  lastUsed: { item: lastUsedItem, version: VERSION.lastUsed },
  checkSkippedLocked: { item: checkSkippedLockedItem, version: VERSION.checkSkippedLocked },
};
