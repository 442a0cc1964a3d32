import type { StorageArea, StorageItemKey } from 'wxt/utils/storage';

/** An item's storage area and its name in that area: `local:settings` → `local`, `settings`. */
export function areaAndName(key: StorageItemKey): [StorageArea, string] {
  const at = key.indexOf(':');
  return [key.slice(0, at) as StorageArea, key.slice(at + 1)];
}
