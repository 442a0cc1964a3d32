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
    const question = screen.getByRole('group', { name: /Stop watching this key\?/ });
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
    fireEvent.click(screen.getByRole('button', { name: button }));
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
});
