import { askOne } from '../../lookup/background/ask-accounts';
import { keepAliveDuring } from '../../lookup/background/keep-alive';
import type { KeyHash } from '../../hash-input';
import type { TestConnectionReply } from '../contract';
import { readSettings } from '../../storage/background/items';

/** A hash that no key has: a 404 for it proves the management key is accepted. */
export const PROBE_HASH = '0'.repeat(64) as KeyHash;

/**
 * One GET for an all-zero hash with one account's saved key at its saved base URL: 404 means the
 * key works, anything else is its own error. The message router has already refused an id that
 * names no saved account.
 */
export async function testConnection(accountId: string): Promise<TestConnectionReply> {
  const { accounts, timeoutSeconds } = await readSettings();
  const account = accounts.find((a) => a.id === accountId);
  if (!account) return { ok: false, error: { kind: 'invalid_request', message: 'There is no such account.' } };
  const target = { accountId: account.id, baseUrl: account.baseUrl, timeoutSeconds };
  const result = await keepAliveDuring(askOne(target, PROBE_HASH));
  if (result.ok || result.error.kind === 'not_found') return { ok: true };
  return result;
}
