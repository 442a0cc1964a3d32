import { afterEach, describe, expect, it, vi } from 'vitest';
import { sendMessage } from './messenger';
import { WORKER_REPLY_LIMIT_MS, worker } from './worker-client';

vi.mock('./messenger', () => ({ sendMessage: vi.fn() }));
const send = vi.mocked(sendMessage);
const interrupted = { ok: false, error: { kind: 'interrupted' } };

describe('worker client', () => {
  afterEach(() => vi.useRealTimers());

  it('passes the worker’s reply through', async () => {
    const reply = { ok: false as const, error: { kind: 'not_found' as const } };
    send.mockResolvedValueOnce(reply);
    expect(await worker.lookup('a'.repeat(64), true)).toEqual(reply);
    expect(send).toHaveBeenLastCalledWith('lookup', { hash: 'a'.repeat(64), allowCached: true });
  });

  it.each([
    [
      'the worker stopped mid-message',
      () => send.mockRejectedValueOnce(new Error('The message port closed before a response was received.')),
    ],
    ['no listener answered', () => send.mockResolvedValueOnce(undefined as never)],
  ])('calls it interrupted when %s', async (_, arrange) => {
    arrange();
    expect(await worker.lookup('a'.repeat(64))).toEqual(interrupted);
  });

  it('stops waiting for a worker that never answers', async () => {
    vi.useFakeTimers();
    send.mockReturnValueOnce(new Promise(() => {}));
    const pending = worker.testConnection();
    await vi.advanceTimersByTimeAsync(WORKER_REPLY_LIMIT_MS);
    expect(await pending).toEqual(interrupted);
  });
});
