import type { LookupError } from '../lookup-error';
import type { LookupResult } from '../lookup-result';
import type { Settings } from '../settings';
import type { HistoryEntry, LastLookup } from '../background/store/items';
import { z } from '../zod';

/** What the UI may know about the settings: never the management key, at most its last 4. */
export interface SettingsView extends Omit<Settings, 'accounts'> {
  baseUrl: string;
  keySaved: boolean;
  keyLast4: string | null;
}

export const lookupRequestSchema = z
  .object({
    hash: z.string().max(20_000),
    /** Accept a key fetched within the cache time (the popup then asks again for a fresh one). */
    allowCached: z.boolean().optional(),
  })
  .strict();
export type LookupRequest = z.infer<typeof lookupRequestSchema>;

export const saveSettingsRequestSchema = z
  .object({
    baseUrl: z.string().max(2048),
    // null: an empty or non-numeric field (messages are JSON, where NaN becomes null). It gets a
    // message beside its field like any other invalid value.
    timeoutSeconds: z.number().nullable(),
    /** Omitted: unchanged. */
    forgetKeyOnClose: z.boolean().optional(),
    historyEnabled: z.boolean().optional(),
    cacheSeconds: z.number().nullable().optional(),
    /** Omitted: keep the saved key. */
    managementKey: z.string().max(4096).optional(),
  })
  .strict();
export type SaveSettingsRequest = z.infer<typeof saveSettingsRequestSchema>;

export type SettingsField = 'baseUrl' | 'timeoutSeconds' | 'cacheSeconds' | 'managementKey';

/** Refused requests (forged sender, malformed payload) answer with this, whatever the message. */
export type Refusal = { ok: false; error: Extract<LookupError, { kind: 'invalid_request' }> };

export type SettingsReply = { ok: true; settings: SettingsView } | Refusal;
export type SaveSettingsReply =
  { ok: true; settings: SettingsView } | { ok: false; fieldErrors: Partial<Record<SettingsField, string>> } | Refusal;
export type TestConnectionReply = { ok: true } | { ok: false; error: LookupError };
export type LastLookupReply = { ok: true; last: LastLookup | null } | Refusal;
export type HistoryReply = { ok: true; entries: HistoryEntry[] } | Refusal;

/**
 * The one protocol between the extension's pages and its service worker. Each message is
 * answered by utils/background-service.ts after the sender and the payload are checked.
 */
export interface Protocol {
  lookup(data: LookupRequest): LookupResult;
  lastLookup(): LastLookupReply;
  getSettings(): SettingsReply;
  saveSettings(data: SaveSettingsRequest): SaveSettingsReply;
  removeKey(): SettingsReply;
  testConnection(): TestConnectionReply;
  history(): HistoryReply;
  clearHistory(): HistoryReply;
}
