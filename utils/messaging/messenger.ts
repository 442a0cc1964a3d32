import { defineExtensionMessaging } from '@webext-core/messaging';
import type { Protocol } from './protocol';

const silent = { debug() {}, log() {}, warn() {}, error() {} };

/**
 * The typed messenger for `Protocol`. Its logger is silenced: the default logs every message, and
 * `saveSettings` carries the management key from the options page to the worker.
 */
export const { sendMessage, onMessage, removeAllListeners } = defineExtensionMessaging<Protocol>({
  logger: silent,
});
