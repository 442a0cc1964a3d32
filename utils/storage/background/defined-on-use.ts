import { storage, type StorageItemKey, type WxtStorageItem, type WxtStorageItemOptions } from 'wxt/utils/storage';

type Item<T> = WxtStorageItem<T, Record<string, never>>;

/**
 * A WXT storage item that is defined when it is first used, not when its module is loaded.
 *
 * WXT reads an item the moment it is defined (and, with migrations, its version too). With every
 * item defined at the top level of the worker's modules, each start of the worker began with 29
 * storage reads, most of them of items the event that woke it never needs, and a lookup's own
 * reads queued behind them. Defined on use, an item's first read is the one its first user makes;
 * its migrations still run before any of its values is given out (WXT's `getValue`, `setValue`
 * and the rest wait for them). Its key and fallback are known without defining it.
 */
export function defineOnUse<T>(key: StorageItemKey, options: WxtStorageItemOptions<T> & { fallback: T }): Item<T> {
  let item: Item<T> | undefined;
  const defined = () => (item ??= storage.defineItem<T, Record<string, never>>(key, options));
  return {
    key,
    fallback: options.fallback,
    defaultValue: options.fallback,
    getValue: () => defined().getValue(),
    getMeta: () => defined().getMeta(),
    setValue: (value) => defined().setValue(value),
    setMeta: (properties) => defined().setMeta(properties),
    removeValue: (removal) => defined().removeValue(removal),
    removeMeta: (properties) => defined().removeMeta(properties),
    watch: (callback) => defined().watch(callback),
    watchMeta: (callback) => defined().watchMeta(callback),
    migrate: () => defined().migrate(),
  };
}
