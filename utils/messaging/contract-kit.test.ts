import { describe, expect, it, vi } from 'vitest';
import { z } from '../zod';
import { ask } from './contract-kit';

describe('ask: a message of a contract', () => {
  it('builds its schema when a message is first parsed, not when it is declared, and only once', () => {
    const build = vi.fn(() => z.strictObject({ hash: z.string() }));
    const message = ask<{ ok: true }>()(build);
    expect(build).not.toHaveBeenCalled();
    expect(message.schema.safeParse({ hash: 'abc' }).success).toBe(true);
    expect(message.schema.safeParse({ hash: 1 }).success).toBe(false);
    expect(build).toHaveBeenCalledTimes(1);
  });
});
