import { storage } from 'wxt/utils/storage';

/**
 * The management key: it can read every key in the account. Only this module touches the items
 * that hold it; only `readManagementKey` returns it, and only the request builder calls that
 * (test/project-rules.test.ts checks both).
 *
 * It lives in `local` storage, or, with "Forget the key when the browser closes", in `session`
 * storage only. Its last 4 characters are kept beside it so that the pages can say which key is
 * saved without anything reading the key.
 */
const persistentKeyItem = storage.defineItem<string | null>('local:managementKey', { fallback: null, version: 1 });
const sessionKeyItem = storage.defineItem<string | null>('session:managementKey', { fallback: null, version: 1 });
/** The last 4 characters of the key in the same area, which is all the pages are told. */
const persistentHintItem = storage.defineItem<string | null>('local:keyHint', { fallback: null, version: 1 });
const sessionHintItem = storage.defineItem<string | null>('session:keyHint', { fallback: null, version: 1 });

const areas = {
  persistent: { key: persistentKeyItem, hint: persistentHintItem },
  session: { key: sessionKeyItem, hint: sessionHintItem },
};

/** The key, for the one place that puts it in an Authorization header. */
export async function readManagementKey(): Promise<string | null> {
  // Both areas at once: this read is on the path of every lookup.
  const [session, persistent] = await Promise.all([sessionKeyItem.getValue(), persistentKeyItem.getValue()]);
  return session ?? persistent;
}

/** Stores an already validated key in the one area the setting asks for, and clears the other. */
export async function saveManagementKey(key: string, forgetOnClose = false): Promise<void> {
  const [keep, clear] = forgetOnClose ? [areas.session, areas.persistent] : [areas.persistent, areas.session];
  await Promise.all([clear.key.removeValue(), clear.hint.removeValue()]);
  await Promise.all([keep.key.setValue(key), keep.hint.setValue(key.slice(-4))]);
}

/** Moves a saved key to the area a changed "forget on close" setting asks for. */
export async function moveManagementKey(forgetOnClose: boolean): Promise<void> {
  const key = await readManagementKey();
  if (key) await saveManagementKey(key, forgetOnClose);
}

export async function removeManagementKey(): Promise<void> {
  await Promise.all(Object.values(areas).flatMap((area) => [area.key.removeValue(), area.hint.removeValue()]));
}

/** The saved key's last 4 characters, or null when none is saved: all the pages may learn of it. */
export async function managementKeyHint(): Promise<string | null> {
  return (await sessionHintItem.getValue()) ?? (await persistentHintItem.getValue());
}
