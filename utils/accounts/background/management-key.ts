import { storage } from 'wxt/utils/storage';
import { defineOnUse } from '../../storage/background/defined-on-use';
import { change, changeKept, forgetKept, type Kept, readKept } from '../../storage/background/memory';
import { LOCKED, rewriteVault, vaultKeys } from '../../lock/background/vault';

/**
 * The management keys, one per account, filed under the account's id: each can read every key in
 * its account. Only this module touches the items that hold them; only `readManagementKey`
 * returns one, and only the request builder calls that (test/project-rules.test.ts checks both).
 *
 * They live in `local` storage, or, kept in memory only, in `session` storage only. Each key's
 * last 4 characters are kept beside it so that the pages can say which key is saved without
 * anything reading the key. With the lock on, they are in neither: the sealed vault holds them
 * (utils/lock/background/vault.ts), and only the unlocked vault gives them out.
 */
type ByAccount = Record<string, string>;

const persistentKeysItem = defineOnUse<ByAccount>('local:managementKeys', { fallback: {}, version: 1 });
const sessionKeysItem = defineOnUse<ByAccount>('session:managementKeys', { fallback: {}, version: 1 });
/** The last 4 characters of each key, in the same area as the key: all the pages are told. */
const persistentHintsItem = defineOnUse<ByAccount>('local:keyHints', { fallback: {}, version: 1 });
const sessionHintsItem = defineOnUse<ByAccount>('session:keyHints', { fallback: {}, version: 1 });

// The worker keeps them in memory once read (./memory.ts): the key never leaves the worker.
const keptOf = (item: typeof persistentKeysItem) => ({ item, version: 1 }) satisfies Kept<ByAccount>;
const areas = {
  persistent: { keys: keptOf(persistentKeysItem), hints: keptOf(persistentHintsItem) },
  session: { keys: keptOf(sessionKeysItem), hints: keptOf(sessionHintsItem) },
};

/** Where the single key of settings v1 and v2 was kept: read only to move it to its account. */
const legacy = [
  { key: 'local:managementKey', hint: 'local:keyHint', area: areas.persistent },
  { key: 'session:managementKey', hint: 'session:keyHint', area: areas.session },
] as const;

const own = (map: ByAccount, id: string): string | null => (Object.hasOwn(map, id) ? (map[id] ?? null) : null);

// A move reads one area's maps and writes the other's: one at a time, so that two saves cannot
// drop each other's key. (Each single change is already applied one at a time by ./memory.ts.)
let writes: Promise<unknown> = Promise.resolve();
function exclusive<T>(write: () => Promise<T>): Promise<T> {
  const run = writes.then(write, write);
  // The chain only orders the writes: each caller gets its own write's failure through `run`.
  writes = run.catch(() => {});
  return run;
}

/** One account's key, for the one place that puts it in an Authorization header; LOCKED while the
 * lock is on and not unlocked. */
export async function readManagementKey(accountId: string): Promise<string | null | typeof LOCKED> {
  // Every area at once: this read is on the path of every lookup.
  const [vault, session, persistent] = await Promise.all([
    vaultKeys(),
    readKept(areas.session.keys),
    readKept(areas.persistent.keys),
  ]);
  if (vault !== 'off') return vault === LOCKED ? LOCKED : own(vault, accountId);
  return own(session, accountId) ?? own(persistent, accountId);
}

/** Starts reading every key into the worker's memory, so that the first lookup finds them there.
 * Settles with nothing, once read: no key leaves this module but through `readManagementKey`. */
export async function preloadManagementKeys(): Promise<void> {
  await Promise.all([vaultKeys(), ...Object.values(areas).map((area) => readKept(area.keys))].map(ignoreFailure));
}

const ignoreFailure = (read: Promise<unknown>) =>
  // A read that fails here is only a lost head start: the lookup that needs the key reads it again.
  read.catch(() => {});

/** Stores already validated keys (account id → key) in the one area the setting asks for, or, with
 * the lock on, sealed in the vault at once (refused while it is locked). */
export function saveManagementKeys(keys: ByAccount, forgetOnClose = false): Promise<void> {
  return exclusive(async () => {
    if ((await vaultKeys()) !== 'off') return rewriteVault((sealed) => ({ ...sealed, ...keys }));
    await savePlain(keys, forgetOnClose);
  });
}

async function savePlain(keys: ByAccount, forgetOnClose: boolean): Promise<void> {
  const [keep, clear] = forgetOnClose ? [areas.session, areas.persistent] : [areas.persistent, areas.session];
  const ids = Object.keys(keys);
  const hints = Object.fromEntries(Object.entries(keys).map(([id, key]) => [id, key.slice(-4)]));
  await changeKept(update(clear.keys, without(ids)), update(clear.hints, without(ids)));
  await changeKept(
    update(keep.keys, (map) => ({ ...map, ...keys })),
    update(keep.hints, (map) => ({ ...map, ...hints })),
  );
}

/**
 * Turning the lock on: every saved key, from either area, is handed to `seal` (which stores the
 * vault), and only then are the plain copies removed, so that no moment has the keys nowhere.
 */
export function sealManagementKeys(seal: (keys: ByAccount) => Promise<void>): Promise<void> {
  return exclusive(async () => {
    const [persistent, session] = await Promise.all([readKept(areas.persistent.keys), readKept(areas.session.keys)]);
    await seal({ ...persistent, ...session });
    await changeKept(
      ...Object.values(areas).flatMap((area) => [update(area.keys, () => ({})), update(area.hints, () => ({}))]),
    );
  });
}

/** Turning the lock off: the opened vault's keys go to the area asked for, and only then does
 * `drop` remove the vault. */
export function unsealManagementKeys(
  keys: ByAccount,
  forgetOnClose: boolean,
  drop: () => Promise<void>,
): Promise<void> {
  return exclusive(async () => {
    await savePlain(keys, forgetOnClose);
    await drop();
  });
}

/** Moves every saved key to the area a changed "forget on close" setting asks for. */
export function moveManagementKeys(forgetOnClose: boolean): Promise<void> {
  return exclusive(async () => {
    const [keep, clear] = forgetOnClose ? [areas.session, areas.persistent] : [areas.persistent, areas.session];
    const [movedKeys, movedHints] = await Promise.all([readKept(clear.keys), readKept(clear.hints)]);
    await changeKept(
      update(keep.keys, (map) => ({ ...movedKeys, ...map })),
      update(keep.hints, (map) => ({ ...movedHints, ...map })),
    );
    await changeKept(
      update(clear.keys, () => ({})),
      update(clear.hints, () => ({})),
    );
  });
}

/** Forgets the keys of these accounts in every area (and in the vault, which must be unlocked). */
export function removeManagementKeys(accountIds: string[]): Promise<void> {
  return exclusive(async () => {
    if ((await vaultKeys()) !== 'off') await rewriteVault(without(accountIds));
    await changeKept(
      ...Object.values(areas).flatMap((area) => [
        update(area.keys, without(accountIds)),
        update(area.hints, without(accountIds)),
      ]),
    );
  });
}

/** Each saved key's last 4 characters by account id: all the pages may learn of the keys. */
export async function managementKeyHints(): Promise<ByAccount> {
  const [vault, session, persistent] = await Promise.all([
    vaultKeys(),
    readKept(areas.session.hints),
    readKept(areas.persistent.hints),
  ]);
  // Nothing of a sealed key is kept in plain: while locked, not even its last 4.
  if (vault === LOCKED) return {};
  if (vault !== 'off') return Object.fromEntries(Object.entries(vault).map(([id, key]) => [id, key.slice(-4)]));
  return { ...persistent, ...session };
}

/**
 * Files the key of the single-key version (settings v2 and before) under `accountId`, in the area
 * it was in, and removes the old items. Run by the settings migration to version 3.
 */
export function adoptLegacyKey(accountId: string): Promise<void> {
  return exclusive(async () => {
    for (const old of legacy) {
      const [key, hint] = await Promise.all([storage.getItem<string>(old.key), storage.getItem<string>(old.hint)]);
      if (key) {
        // Straight to storage, not through ./memory.ts's queue: this runs inside the settings
        // migration, which a queued change may be waiting for.
        const [keys, hints] = [old.area.keys.item, old.area.hints.item];
        await Promise.all([
          keys.setValue({ ...(await keys.getValue()), [accountId]: key }),
          hints.setValue({ ...(await hints.getValue()), [accountId]: hint ?? key.slice(-4) }),
        ]);
        forgetKept(old.area.keys, old.area.hints);
      }
      await Promise.all([storage.removeItem(old.key), storage.removeItem(old.hint)]);
    }
  });
}

/** A change to one map; an empty map is removed. */
function update(kept: Kept<ByAccount>, next: (map: ByAccount) => ByAccount) {
  return change(kept, (map) => {
    const changed = next(map);
    return Object.keys(changed).length === 0 ? undefined : changed;
  });
}

function without(ids: string[]): (map: ByAccount) => ByAccount {
  return (map) => Object.fromEntries(Object.entries(map).filter(([id]) => !ids.includes(id)));
}
