import { storage } from 'wxt/utils/storage';
import { keyHintItem } from './storage';

/**
 * The management key: it can read every key in the account. Only this module touches the item;
 * only `readManagementKey` returns it, and only the request builder calls that
 * (test/project-rules.test.ts checks both).
 */
const managementKeyItem = storage.defineItem<string | null>('local:managementKey', {
  fallback: null,
  version: 1,
});

/** The key, for the one place that puts it in an Authorization header. */
export async function readManagementKey(): Promise<string | null> {
  return managementKeyItem.getValue();
}

/** Stores an already validated key and remembers its last 4 characters for display. */
export async function saveManagementKey(key: string): Promise<void> {
  await managementKeyItem.setValue(key);
  await keyHintItem.setValue(key.slice(-4));
}

export async function removeManagementKey(): Promise<void> {
  await managementKeyItem.removeValue();
  await keyHintItem.setValue(null);
}
