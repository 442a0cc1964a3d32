import { browser } from 'wxt/browser';
import { parseHashInput } from '../hash-input';
import { clearHistory } from './store/history';
import { lookUp, readHistoryAfterLookups, takeUnseenLookup, testConnection } from './lookup-service';
import { onMessage } from '../messaging/messenger';
import { lookupRequestSchema, type Refusal, saveSettingsRequestSchema } from '../messaging/protocol';
import { isOwnPageSender, type SenderLike } from '../sender';
import { forgetManagementKey, getSettingsView, saveSettings } from './settings-service';
import { z } from '../zod';

const noPayload = z.undefined().or(z.null());

/**
 * Answers the pages' messages. Each handler first checks that the sender is this extension's own
 * popup or options page, then parses the payload from `unknown`; anything else gets a typed
 * refusal and changes nothing.
 */
export function registerBackgroundService(): void {
  onMessage('lookup', async ({ data, sender }) => {
    const refusal = refuse(sender, lookupRequestSchema, data);
    if (refusal) return refusal;
    const { hash, allowCached } = lookupRequestSchema.parse(data);
    // Only an exact hash is accepted here: the popup has already picked it out of what was typed.
    const input = parseHashInput(hash);
    if (input.kind !== 'hash' || input.hash !== hash) return refusalOf('The hash is not 64 hexadecimal characters.');
    return lookUp(input.hash, 'popup', { allowCached: allowCached ?? false });
  });
  onMessage('lastLookup', async ({ data, sender }) => {
    return refuse(sender, noPayload, data) ?? { ok: true as const, last: await takeUnseenLookup() };
  });
  onMessage('getSettings', async ({ data, sender }) => {
    return refuse(sender, noPayload, data) ?? { ok: true as const, settings: await getSettingsView() };
  });
  onMessage('saveSettings', async ({ data, sender }) => {
    const refusal = refuse(sender, saveSettingsRequestSchema, data);
    if (refusal) return refusal;
    return saveSettings(saveSettingsRequestSchema.parse(data));
  });
  onMessage('removeKey', async ({ data, sender }) => {
    return refuse(sender, noPayload, data) ?? { ok: true as const, settings: await forgetManagementKey() };
  });
  onMessage('testConnection', async ({ data, sender }) => {
    return refuse(sender, noPayload, data) ?? testConnection();
  });
  onMessage('history', async ({ data, sender }) => {
    return refuse(sender, noPayload, data) ?? { ok: true as const, entries: await readHistoryAfterLookups() };
  });
  onMessage('clearHistory', async ({ data, sender }) => {
    const refusal = refuse(sender, noPayload, data);
    if (refusal) return refusal;
    await clearHistory();
    return { ok: true as const, entries: [] };
  });
}

/** A refusal when the sender is not one of our pages or the payload is not of its shape. */
function refuse(sender: SenderLike, schema: z.ZodType, data: unknown): Refusal | null {
  const self = { id: browser.runtime.id, rootUrl: browser.runtime.getURL('/popup.html') };
  if (!isOwnPageSender(sender, self))
    return refusalOf('Refused: the message did not come from this extension’s own pages.');
  if (!schema.safeParse(data).success) return refusalOf('Refused: the message was not of the expected shape.');
  return null;
}

function refusalOf(message: string): Refusal {
  return { ok: false, error: { kind: 'invalid_request', message } };
}
