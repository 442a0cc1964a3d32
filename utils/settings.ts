/** The API every account uses unless the options page says otherwise. */
export const DEFAULT_BASE_URL = 'https://modelgates.ai/api/v1';

/** How long a lookup waits for the API before it says "timed out". */
export const DEFAULT_TIMEOUT_SECONDS = 10;
export const MIN_TIMEOUT_SECONDS = 3;
export const MAX_TIMEOUT_SECONDS = 60;

/** How long a looked-up key is shown from the cache while it is refreshed. */
export const DEFAULT_CACHE_SECONDS = 60;
export const MAX_CACHE_SECONDS = 3600;

/** Non-secret settings, as stored. The management key is kept apart (utils/management-key.ts). */
export interface Settings {
  /** Absolute API base URL without a trailing slash, e.g. https://modelgates.ai/api/v1. */
  baseUrl: string;
  timeoutSeconds: number;
  /** Keep the management key in session storage only, so it is gone when the browser closes. */
  forgetKeyOnClose: boolean;
  /** Remember the last lookups (hash, name, status; never usage figures or the key). */
  historyEnabled: boolean;
  /** 0 turns the cache off. */
  cacheSeconds: number;
}

/** Version 1 (0.1.0): only the base URL and the timeout. */
export interface SettingsV1 {
  baseUrl: string;
  timeoutSeconds: number;
}

export const DEFAULT_SETTINGS: Settings = {
  baseUrl: DEFAULT_BASE_URL,
  timeoutSeconds: DEFAULT_TIMEOUT_SECONDS,
  forgetKeyOnClose: false,
  historyEnabled: true,
  cacheSeconds: DEFAULT_CACHE_SECONDS,
};

/** v1 → v2: the new options start at their defaults; nothing of v1 is lost. */
export function migrateSettingsV1(old: SettingsV1): Settings {
  return { ...DEFAULT_SETTINGS, ...old };
}
