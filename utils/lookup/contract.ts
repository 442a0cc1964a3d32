import { ask } from '../messaging/contract-kit';
import { keyHashSchema, noPayload } from '../messaging/schemas';
import type { WatchedView } from '../watch/view';
import { z } from '../zod';
import type { MergedLookup } from './account-answers';
import type { RecentAnswer } from './recent-answers';
import type { HistoryItem, UnseenLookup } from './views';

/** A lookup's request (the popup's, and the side panel's `panelLookup`). */
export const lookupRequest = () =>
  z.strictObject({
    hash: keyHashSchema(),
    /** Accept a key fetched within the cache time (the popup then asks again for a fresh one). */
    allowCached: z.optional(z.boolean()),
  });

/** Everything the empty popup shows, in one reply. */
export interface PopupStartReply {
  ok: true;
  /** The lock: `on` with the keys encrypted, `locked` until the passphrase is given (the popup
   * then shows only the unlock form, and the lists below are empty). */
  lock: { on: boolean; locked: boolean };
  /** The right-click lookup not shown yet, or null. */
  last: UnseenLookup | null;
  history: HistoryItem[];
  watched: WatchedView[];
  /** Fresh cached answers for keys in the history: a repeated lookup shows one at once. */
  recent: RecentAnswer[];
  /** How long an answer stays fresh (the cache setting); 0 when the cache is off. */
  cacheSeconds: number;
}

export type HistoryReply = { ok: true; entries: HistoryItem[] };

/** The messages of a lookup: the popup's, the card page's, and the history they leave. */
export const lookupContract = {
  /** One hash in every account; the answer as soon as one has it or all have said no. */
  lookup: ask<MergedLookup>()(lookupRequest),
  /** Every account's answer to the latest lookup of this hash. */
  completeLookup: ask<MergedLookup>()(() => z.strictObject({ hash: keyHashSchema() })),
  popupStart: ask<PopupStartReply>()(noPayload),
  history: ask<HistoryReply>()(noPayload),
  clearHistory: ask<HistoryReply>()(noPayload),
};
