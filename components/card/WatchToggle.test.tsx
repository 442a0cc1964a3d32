import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { HASH } from '@/test/fixtures/key';
import type { KeyHash } from '@/utils/hash-input';
import { WATCH_CHANGED } from '@/utils/watch/page/watch-changed';

const askWorker = vi.fn();
vi.mock('@/utils/messaging/page/worker-client', () => ({ askWorker: (...args: unknown[]) => askWorker(...args) }));
const { WatchToggle } = await import('./WatchToggle');

beforeEach(() => askWorker.mockReset());

async function watchedWith(samples: number) {
  askWorker.mockResolvedValueOnce({ ok: true, watching: true, samples });
  render(<WatchToggle hash={HASH as KeyHash} />);
  await screen.findByRole('button', { name: 'Watching' });
}

describe('WatchToggle', () => {
  it('asks, on un-watching a key with history, whether to keep or delete it; Cancel keeps watching', async () => {
    await watchedWith(12);
    fireEvent.click(screen.getByRole('button', { name: 'Watching' }));
    const question = await screen.findByRole('group', { name: /Stop watching this key\?/ });
    expect(question.textContent).toContain(
      'Its spend history (12 points) can be kept, to see on its card page, or deleted.',
    );
    expect(askWorker).toHaveBeenCalledTimes(1);
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('group')).toBeNull();
    expect(screen.getByRole('button', { name: 'Watching' })).not.toBeNull();
  });

  it.each([
    ['Stop watching, keep history', 'keep'],
    ['Stop watching, delete history', 'delete'],
  ])('"%s" un-watches with history: %s, and tells the page', async (button, history) => {
    await watchedWith(3);
    const told = vi.fn();
    window.addEventListener(WATCH_CHANGED, told);
    fireEvent.click(screen.getByRole('button', { name: 'Watching' }));
    askWorker.mockResolvedValueOnce({ ok: true, watching: false, samples: history === 'keep' ? 3 : 0 });
    fireEvent.click(await screen.findByRole('button', { name: button }));
    await screen.findByRole('button', { name: 'Watch' });
    expect(askWorker).toHaveBeenLastCalledWith('unwatch', { hash: HASH, history });
    expect(told).toHaveBeenCalledOnce();
    window.removeEventListener(WATCH_CHANGED, told);
  });

  it('un-watches at once a key without history: there is nothing to ask about', async () => {
    await watchedWith(0);
    askWorker.mockResolvedValueOnce({ ok: true, watching: false, samples: 0 });
    fireEvent.click(screen.getByRole('button', { name: 'Watching' }));
    await waitFor(() => expect(askWorker).toHaveBeenLastCalledWith('unwatch', { hash: HASH, history: 'delete' }));
    expect(screen.queryByRole('group')).toBeNull();
  });

  it("draws its button with the card when the lookup's answer said, and asks nothing", async () => {
    const { rerender } = render(<WatchToggle hash={HASH as KeyHash} known={true} />);
    expect(screen.getByRole('button', { name: 'Watching' }).getAttribute('aria-pressed')).toBe('true');
    // A refresh's answer says again what is true now.
    rerender(<WatchToggle hash={HASH as KeyHash} known={false} />);
    expect(screen.getByRole('button', { name: 'Watch' }).getAttribute('aria-pressed')).toBe('false');
    await Promise.resolve();
    expect(askWorker).not.toHaveBeenCalled();
  });

  it('asks, un-watching a key the answer said is watched, for its history first; then what to do with it', async () => {
    render(<WatchToggle hash={HASH as KeyHash} known={true} />);
    askWorker.mockResolvedValueOnce({ ok: true, watching: true, samples: 5 });
    fireEvent.click(screen.getByRole('button', { name: 'Watching' }));
    const question = await screen.findByRole('group', { name: /Stop watching this key\?/ });
    expect(question.textContent).toContain('Its spend history (5 points)');
    expect(askWorker.mock.calls).toEqual([['watchStatus', { hash: HASH }]]);
  });

  it('un-watches at once a key the answer said is watched, once the worker says it has no history', async () => {
    render(<WatchToggle hash={HASH as KeyHash} accountId="prod" known={true} />);
    askWorker.mockResolvedValueOnce({ ok: true, watching: true, samples: 0 });
    askWorker.mockResolvedValueOnce({ ok: true, watching: false, samples: 0 });
    fireEvent.click(screen.getByRole('button', { name: 'Watching' }));
    await screen.findByRole('button', { name: 'Watch' });
    expect(askWorker.mock.calls).toEqual([
      ['watchStatus', { hash: HASH, accountId: 'prod' }],
      ['unwatch', { hash: HASH, accountId: 'prod', history: 'delete' }],
    ]);
  });

  it('says so when the worker cannot say how much history there is, and stays as it was', async () => {
    render(<WatchToggle hash={HASH as KeyHash} known={true} />);
    askWorker.mockResolvedValueOnce({
      ok: false,
      message: 'Refused: the key’s account is not one of your saved accounts.',
    });
    fireEvent.click(screen.getByRole('button', { name: 'Watching' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Refused: the key’s account is not one of your saved accounts.',
    );
    expect(screen.getByRole('button', { name: 'Watching' })).not.toBeNull();
    expect(askWorker).toHaveBeenCalledTimes(1);
  });
});
