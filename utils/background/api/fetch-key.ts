import type { KeyHash } from '../../hash-input';
import type { LookupResult } from '../../lookup-result';
import { readManagementKey } from '../store/management-key';
import { requestKey, type Transport } from './key-request';

/** Where the request goes and how long it may take: from the settings. */
export interface Target {
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
 * Looks a hash up with the saved management key. The only function that reads the key: it goes
 * into the Authorization header of a request to the configured origin and nowhere else.
 */
export async function fetchKey({ target, hash, signal, ...transport }: FetchKeyOptions): Promise<LookupResult> {
  // Both reads at once: they are on the path of every lookup.
  const [managementKey, { baseUrl, timeoutSeconds }] = await Promise.all([readManagementKey(), target]);
  if (!managementKey) return { ok: false, error: { kind: 'not_configured' } };
  if (signal?.aborted) return { ok: false, error: { kind: 'cancelled' } };
  return requestKey({ baseUrl, hash, managementKey, timeoutSeconds, signal }, transport);
}
