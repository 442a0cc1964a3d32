/** The API every account uses unless the options page says otherwise. */
export const DEFAULT_BASE_URL = 'https://modelgates.ai/api/v1';

/** How long a lookup waits for the API before it says "timed out". */
export const DEFAULT_TIMEOUT_SECONDS = 10;
export const MIN_TIMEOUT_SECONDS = 3;
export const MAX_TIMEOUT_SECONDS = 60;

/** Non-secret settings, as stored. The management key is kept apart (utils/management-key.ts). */
export interface Settings {
  /** Absolute API base URL without a trailing slash, e.g. https://modelgates.ai/api/v1. */
  baseUrl: string;
  timeoutSeconds: number;
}

export const DEFAULT_SETTINGS: Settings = {
  baseUrl: DEFAULT_BASE_URL,
  timeoutSeconds: DEFAULT_TIMEOUT_SECONDS,
};
