import type { KeyHash } from '../../../hash-input';
import type { LookupResult } from '../../lookup-result';
import { readManagementKey } from '../../../accounts/background/management-key';
import { LOCKED } from '../../../lock/background/vault';
import { requestKey, type Transport } from './key-request';

/** Which account's key, where the request goes and how long it may take: from the settings. */
export interface Target {
  accountId: string;
  baseUrl: string;
  timeoutSeconds: number;
}

export interface FetchKeyOptions extends Transport {
  /** Given directly, or as a settings read still under way (it then overlaps the key's read). */
  target: Target | Promise<Target>;
  hash: KeyHash;
  /** Aborted when a newer lookup replaces this one. */
  signal?: AbortSignal;
}

/**
 * Looks a hash up in one account with that account's saved management key. The only function
 * that reads a key: it goes into the Authorization header of a request to that account's origin
 * and nowhere else. While the lock is locked there is no key to read, and nothing is sent.
 */
export async function fetchKey({ target, hash, signal, ...transport }: FetchKeyOptions): Promise<LookupResult> {
  const { accountId, baseUrl, timeoutSeconds } = await target;
  const managementKey = await readManagementKey(accountId);
  // Locked: nothing is sent, and the pages ask for the passphrase.
  if (managementKey === LOCKED) return { ok: false, error: { kind: 'locked' } };
  if (!managementKey) return { ok: false, error: { kind: 'not_configured' } };
  if (signal?.aborted) return { ok: false, error: { kind: 'cancelled' } };
  return requestKey({ baseUrl, hash, managementKey, timeoutSeconds, signal }, transport);
}
