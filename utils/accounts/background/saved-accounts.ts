import { unknownAccountIds } from '../account-input';
import { readSettings } from '../../storage/background/items';

/**
 * Whether `ids` name saved accounts only, each once, and with 'all' every saved account: a page
 * only ever sends the ids the worker gave it, so any other is as wrong as a malformed payload.
 */
export async function areSavedAccounts(ids: readonly string[], every?: 'all'): Promise<boolean> {
  const saved = (await readSettings()).accounts.map((account) => account.id);
  const unknown = unknownAccountIds(
    ids.map((id) => ({ id })),
    saved,
  );
  return unknown.length === 0 && (every !== 'all' || saved.every((id) => ids.includes(id)));
}
