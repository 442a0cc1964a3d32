import { act, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { COPY_FEEDBACK_MS, CopyButton } from './CopyButton';
import { HASH } from '@/test/fixtures/key';

function status(): string {
  return screen.getByRole('status').textContent ?? '';
}

/** Clicks, then lets the clipboard promise settle and Preact re-render. */
async function click(element: HTMLElement): Promise<void> {
  fireEvent.click(element);
  await act(async () => {
    await vi.advanceTimersByTimeAsync(0);
  });
}

describe('CopyButton', () => {
  // Fake timers for every case: the status must be read at exact moments of its 1.5 s life.
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is named by its label and starts with an empty status', () => {
    render(<CopyButton text={HASH} label="Copy hash" />);
    expect(screen.getByRole('button', { name: 'Copy hash' }).textContent).toBe('Copy');
    expect(status()).toBe('');
  });

  it('writes the full text and says "Copied"', async () => {
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined);
    render(<CopyButton text={HASH} label="Copy hash" />);
    await click(screen.getByRole('button', { name: 'Copy hash' }));
    expect(writeText).toHaveBeenCalledWith(HASH);
    expect(status()).toBe('Copied');
  });

  it.each<[string, () => void]>([
    [
      'the clipboard rejects',
      () => vi.spyOn(navigator.clipboard, 'writeText').mockRejectedValue(new DOMException('denied', 'NotAllowedError')),
    ],
    [
      'writeText throws at once',
      () =>
        vi.spyOn(navigator.clipboard, 'writeText').mockImplementation(() => {
          throw new TypeError('Document is not focused');
        }),
    ],
    [
      'there is no clipboard at all',
      // Outside a secure context browsers leave navigator.clipboard undefined.
      () => vi.spyOn(navigator, 'clipboard', 'get').mockReturnValue(undefined as unknown as Clipboard),
    ],
  ])('says "Copy failed" when %s', async (_case, breakClipboard) => {
    breakClipboard();
    render(<CopyButton text={HASH} label="Copy hash" />);
    await click(screen.getByRole('button', { name: 'Copy hash' }));
    expect(status()).toBe('Copy failed');
  });

  it('clears "Copied" after the feedback time, not before', async () => {
    vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined);
    render(<CopyButton text={HASH} label="Copy hash" />);
    await click(screen.getByRole('button', { name: 'Copy hash' }));
    expect(status()).toBe('Copied');

    await act(async () => {
      await vi.advanceTimersByTimeAsync(COPY_FEEDBACK_MS - 100);
    });
    expect(status()).toBe('Copied');

    await act(async () => {
      await vi.advanceTimersByTimeAsync(100);
    });
    expect(status()).toBe('');
  });
});
