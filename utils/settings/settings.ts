/** The API every account uses unless the options page says otherwise. */
export const DEFAULT_BASE_URL = 'https://modelgates.ai/api/v1';

/** How long a lookup waits for the API before it says "timed out". */
export const DEFAULT_TIMEOUT_SECONDS = 10;
export const MIN_TIMEOUT_SECONDS = 3;
export const MAX_TIMEOUT_SECONDS = 60;

/** How long a looked-up key is shown from the cache while it is refreshed. */
export const DEFAULT_CACHE_SECONDS = 60;
export const MAX_CACHE_SECONDS = 3600;

/** "Look up many keys": requests in flight per account at once (utils/scheduler/pacing.ts). */
export const DEFAULT_CONCURRENCY = 4;
export const MIN_CONCURRENCY = 1;
export const MAX_CONCURRENCY = 8;

/** At most this many accounts: each lookup asks every one of them at once. */
export const MAX_ACCOUNTS = 10;

/** One ModelGates account that lookups ask. Its management key is stored apart, under `id`. */
export interface Account {
  /** Stable and never shown: the key, the cache and the history are filed under it. */
  id: string;
  /** What the user calls it ("Production"): unique and not blank. */
  name: string;
  /** Absolute API base URL without a trailing slash, e.g. https://modelgates.ai/api/v1. */
  baseUrl: string;
}

/** The account an upgrade from the single-key version puts the saved key and base URL in. */
export const FIRST_ACCOUNT = { id: 'my-account', name: 'My account' } as const;

/** Non-secret settings, as stored. The keys are kept apart (utils/accounts/background/management-key.ts). */
export interface Settings {
  /** One to MAX_ACCOUNTS, in the order the options page lists them. */
  accounts: Account[];
  timeoutSeconds: number;
  /** Keep every management key in session storage only, so they are gone when the browser closes. */
  forgetKeyOnClose: boolean;
  /** Remember the last lookups (hash, account, name, status; never usage figures or a key). */
  historyEnabled: boolean;
  /** 0 turns the cache off. */
  cacheSeconds: number;
  /** "Look up many keys": requests in flight per account at once, 1 to 8. */
  bulkConcurrency: number;
}

/** Version 2 (one management key): the base URL stood beside the other settings. */
export interface SettingsV2 extends Omit<Settings, 'accounts'> {
  baseUrl: string;
}

/** Version 1 (0.1.0): only the base URL and the timeout. */
export interface SettingsV1 {
  baseUrl: string;
  timeoutSeconds: number;
}

export const DEFAULT_SETTINGS: Settings = {
  accounts: [{ ...FIRST_ACCOUNT, baseUrl: DEFAULT_BASE_URL }],
  timeoutSeconds: DEFAULT_TIMEOUT_SECONDS,
  forgetKeyOnClose: false,
  historyEnabled: true,
  cacheSeconds: DEFAULT_CACHE_SECONDS,
  bulkConcurrency: DEFAULT_CONCURRENCY,
};

/** v1 → v2: the new options start at their defaults; nothing of v1 is lost. */
export function migrateSettingsV1(old: SettingsV1): SettingsV2 {
  const { accounts: _, ...defaults } = DEFAULT_SETTINGS;
  return { ...defaults, ...old };
}

/** v2 → v3: the one base URL becomes the first account, "My account"; the rest stays as it was. */
export function migrateSettingsV2(old: SettingsV2): Settings {
  const { baseUrl, ...rest } = old;
  return { ...DEFAULT_SETTINGS, ...rest, accounts: [{ ...FIRST_ACCOUNT, baseUrl: baseUrl ?? DEFAULT_BASE_URL }] };
}
