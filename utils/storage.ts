import { storage } from 'wxt/utils/storage';
import type { LookupResult } from './lookup-result';
import { DEFAULT_SETTINGS, type Settings } from './settings';

// Every storage item but the management key is declared here. The key lives in
// utils/management-key.ts so that no module can read it by importing this file.

/** Base URL and timeout: what the options page saves. */
export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 1,
});

/** The last 4 characters of the saved management key, so the UI can say which key is saved
 * without anything reading the key itself. Null when no key is saved. */
export const keyHintItem = storage.defineItem<string | null>('local:keyHint', {
  fallback: null,
  version: 1,
});

/** The most recent lookup (hash and result, never the management key), so that a popup opened
 * after a context-menu lookup, or in a fallback window, shows that result. */
export const lastLookupItem = storage.defineItem<LastLookup | null>('session:lastLookup', {
  fallback: null,
  version: 1,
});

export interface LastLookup {
  hash: string;
  /** null while the lookup is still in flight. */
  result: LookupResult | null;
  /** ISO time the lookup started. */
  startedAt: string;
}
