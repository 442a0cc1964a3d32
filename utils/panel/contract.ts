import { lookupRequest } from '../lookup/contract';
import type { MergedLookup } from '../lookup/account-answers';
import type { UnseenLookup } from '../lookup/views';
import { ask } from '../messaging/contract-kit';
import { keyHashSchema, noPayload } from '../messaging/schemas';
import { z } from '../zod';
import type { PanelSettings } from './settings';
import type { StackCard } from './stack';

export type StackReply = { ok: true; cards: StackCard[] };
export type PanelSettingsReply = { ok: true; settings: PanelSettings };

/** The right-click lookup for the panel (as `popupStart` gives the popup its own), or null. */
export type PanelTakeReply = { ok: true; last: UnseenLookup | null };

/**
 * The side panel's messages. What the worker sends a panel unasked (its stack, a right-click
 * lookup in its window) goes over the panel's port: see port-protocol.ts.
 */
export const panelContract = {
  /** The panel's "Key hash" field: a lookup like the popup's, whose card the worker puts on top of
   * the stack (and keeps there up to date as the other accounts answer). */
  panelLookup: ask<MergedLookup>()(lookupRequest),
  /** Sent by a panel before it connects its port: it starts a stopped background, which a port
   * alone does not do in Firefox. */
  panelWake: ask<{ ok: true }>()(noPayload),
  /** The right-click lookup not shown anywhere yet, once it has its first answer. */
  panelTakeLookup: ask<PanelTakeReply>()(noPayload),
  /** A card collapsed to one line, or opened again. */
  collapseStackCard: ask<StackReply>()(() => z.strictObject({ hash: keyHashSchema(), collapsed: z.boolean() })),
  /** "Clear": the stack is emptied. */
  clearStack: ask<StackReply>()(noPayload),
  getPanelSettings: ask<PanelSettingsReply>()(noPayload),
  /** "Show right-click lookups in": the popup or the side panel. */
  savePanelSettings: ask<PanelSettingsReply>()(() => z.strictObject({ rightClickIn: z.enum(['popup', 'panel']) })),
};
