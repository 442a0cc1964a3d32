/** What JSON keeps of a value: undefined, functions and symbols become null (in an array) or go (in an object). */
const kept = (value: unknown) => value !== undefined && typeof value !== 'function' && typeof value !== 'symbol';

/** The value as JSON writes it: null for what it cannot write, a Date's (or any toJSON) own form. */
function asJson(value: unknown): unknown {
  if (!kept(value)) return null;
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  if (value !== null && typeof value === 'object' && 'toJSON' in value && typeof value.toJSON === 'function')
    return (value.toJSON as () => unknown)();
  return value;
}

/**
 * Whether two values are stored alike: equal as JSON, whatever the order of their objects' keys.
 * Chromium hands a stored object back with its keys sorted, so the worker's own write, echoed by
 * `storage.onChanged`, must compare equal to what it wrote. Walks both values once, building
 * nothing: a lookup's bookkeeping compares the history and the result cache this way.
 */
export function storedAlike(a: unknown, b: unknown): boolean {
  const x = asJson(a);
  const y = asJson(b);
  if (x === y) return true;
  if (x === null || y === null || typeof x !== 'object' || typeof y !== 'object') return false;
  if (Array.isArray(x) || Array.isArray(y))
    return Array.isArray(x) && Array.isArray(y) && x.length === y.length && x.every((v, i) => storedAlike(v, y[i]));
  const xs = x as Record<string, unknown>;
  const ys = y as Record<string, unknown>;
  const names = Object.keys(xs).filter((name) => kept(xs[name]));
  return (
    names.length === Object.keys(ys).filter((name) => kept(ys[name])).length &&
    names.every((name) => Object.hasOwn(ys, name) && kept(ys[name]) && storedAlike(xs[name], ys[name]))
  );
}
