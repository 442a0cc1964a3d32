import { ask } from '../messaging/contract-kit';
import { accountIdSchema, keyHashSchema, noPayload } from '../messaging/schemas';
import { z } from '../zod';
import type { AlertField, AlertSettings } from './alert-settings';
import type { WatchedView } from './view';

/** A watched key: its hash, and its account's id, which may be left out when there is one account
 * (a card then names no account). */
const watchRequestShape = () => ({ hash: keyHashSchema(), accountId: z.optional(accountIdSchema()) });
const watchRequest = () => z.strictObject(watchRequestShape());
export type WatchRequest = z.infer<ReturnType<typeof watchRequest>>;

/** Un-watching says what becomes of the key's spend history: kept (the card page still shows
 * it), or deleted. */
const unwatchRequest = () =>
  z.strictObject({
    ...watchRequestShape(),
    history: z.enum(['keep', 'delete']),
  });
export type UnwatchRequest = z.infer<ReturnType<typeof unwatchRequest>>;

/** The options' "Alerts" section as typed: thresholds as text ("80, 100"), minutes or null. */
const saveAlertSettingsRequest = () =>
  z.strictObject({
    thresholds: z.string().check(z.maxLength(200)),
    intervalMinutes: z.nullable(z.number()),
    notify: z.boolean(),
    paceAlert: z.boolean(),
  });

/** Refused in words: the account is not saved, or the list is full. */
export type WatchRefused = { ok: false; message: string };
/** `samples`: how many points of spend history the key has (un-watching asks what becomes of them). */
export type WatchStatusReply = { ok: true; watching: boolean; samples: number } | WatchRefused;
export type WatchedReply = { ok: true; entries: WatchedView[] };
export type AlertSettingsReply = { ok: true; settings: AlertSettings };
export type SaveAlertSettingsReply =
  AlertSettingsReply | { ok: false; fieldErrors: Partial<Record<AlertField, string>> };

/** The watchlist: watching a card's key, the list and its checks, and the alerts' settings. */
export const watchContract = {
  watchStatus: ask<WatchStatusReply>()(watchRequest),
  watch: ask<WatchStatusReply>()(watchRequest),
  unwatch: ask<WatchStatusReply>()(unwatchRequest),
  watchlist: ask<WatchedReply>()(noPayload),
  /** "Check now": every watched key at once; the list as it is afterwards. */
  checkWatched: ask<WatchedReply>()(noPayload),
  getAlertSettings: ask<AlertSettingsReply>()(noPayload),
  saveAlertSettings: ask<SaveAlertSettingsReply>()(saveAlertSettingsRequest),
};
