import { describe, expect, it, vi } from 'vitest';
import type { z } from '../../zod';

// Every zod function the worker's modules call, by name. A woken worker's message waits until its
// whole script has run: a schema built as a module loads is time on every cold lookup.
const { calls } = vi.hoisted(() => ({ calls: [] as string[] }));

vi.mock('zod/mini', async (importOriginal) => {
  const zod = await importOriginal<{ z: typeof z }>();
  const counted = new Proxy(zod.z, {
    get(target, name: string) {
      const value: unknown = Reflect.get(target, name);
      if (typeof value !== 'function' || name === 'config') return value;
      return (...args: unknown[]) => {
        calls.push(name);
        return (value as (...a: unknown[]) => unknown)(...args);
      };
    },
  });
  return { ...zod, z: counted };
});

describe('the worker as it starts', () => {
  it('builds no schema while its modules load; a message builds its own on first use', async () => {
    // The router imports every feature's contract and handlers: what the worker's script loads.
    const { contract } = await import('../protocol');
    await import('./router');
    await import('../../lock/vault-crypto');
    expect(calls).toEqual([]);

    expect(contract.lookup.schema.safeParse({ hash: 'f'.repeat(64) }).success).toBe(true);
    expect(calls).toContain('strictObject');
    expect(calls).toContain('custom');
  });
});
