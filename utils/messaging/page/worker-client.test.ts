import { afterEach, describe, expect, it, vi } from 'vitest';
import type { KeyHash } from '../../hash-input';
import { sendMessage } from '../messenger';
import { WORKER_REPLY_LIMIT_MS, askWorker } from './worker-client';

vi.mock('../messenger', () => ({ sendMessage: vi.fn() }));
const send = vi.mocked(sendMessage);
const interrupted = { ok: false, error: { kind: 'interrupted' } };
const HASH = 'a'.repeat(64) as KeyHash;

describe('worker client', () => {
  afterEach(() => vi.useRealTimers());

  it('sends the message with its payload and passes the worker’s reply through', async () => {
    const reply = { ok: false as const, error: { kind: 'not_found' as const } };
    send.mockResolvedValueOnce(reply);
    expect(await askWorker('lookup', { hash: HASH, allowCached: true })).toEqual(reply);
    expect(send).toHaveBeenLastCalledWith('lookup', { hash: HASH, allowCached: true });
  });

  it('sends a message without a payload as just its type', async () => {
    send.mockResolvedValueOnce({ ok: true, entries: [] });
    expect(await askWorker('history')).toEqual({ ok: true, entries: [] });
    expect(send).toHaveBeenLastCalledWith('history');
  });

  it.each([
    [
      'the worker stopped mid-message',
      () => send.mockRejectedValueOnce(new Error('The message port closed before a response was received.')),
    ],
    ['no listener answered', () => send.mockResolvedValueOnce(undefined as never)],
  ])('calls it interrupted when %s', async (_, arrange) => {
    arrange();
    expect(await askWorker('lookup', { hash: HASH })).toEqual(interrupted);
  });

  it('stops waiting for a worker that never answers', async () => {
    vi.useFakeTimers();
    send.mockReturnValueOnce(new Promise(() => {}));
    const pending = askWorker('history');
    await vi.advanceTimersByTimeAsync(WORKER_REPLY_LIMIT_MS - 1);
    let settled = false;
    void pending.then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await pending).toEqual(interrupted);
  });
});
