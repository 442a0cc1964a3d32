import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import { CardToolbar } from './CardToolbar';
import { NOW, makeKey } from '@/test/fixtures/key';

/** What the toolbar's live regions say: the card's age is one of them. */
const statuses = () => screen.queryAllByRole('status').map((region) => region.textContent);
const ago = (seconds: number) => new Date(NOW.getTime() - seconds * 1000);

describe('CardToolbar', () => {
  it('offers Refresh, and says so while refreshing', () => {
    const onRefresh = vi.fn();
    const { rerender } = render(
      <CardToolbar
        apiKey={makeKey()}
        fetchedAt={ago(12).toISOString()}
        now={NOW}
        refreshing={false}
        onRefresh={onRefresh}
      />,
    );
    expect(statuses()).toContain('Updated 12 s ago');
    fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    expect(onRefresh).toHaveBeenCalledOnce();
    rerender(
      <CardToolbar apiKey={makeKey()} fetchedAt={ago(12).toISOString()} now={NOW} refreshing onRefresh={onRefresh} />,
    );
    expect(statuses()).toContain('Refreshing…');
    expect((screen.getByRole('button', { name: 'Refresh' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('copies the name and the card as JSON', async () => {
    const writeText = vi.fn(async (_text: string) => {});
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    render(
      <CardToolbar
        apiKey={makeKey()}
        fetchedAt={NOW.toISOString()}
        now={NOW}
        refreshing={false}
        onRefresh={() => {}}
      />,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Copy name' }));
    fireEvent.click(screen.getByRole('button', { name: 'Copy JSON of the card' }));
    await vi.waitFor(() => expect(writeText).toHaveBeenCalledTimes(2));
    expect(writeText.mock.calls[0]).toEqual(['Production backend']);
    expect(JSON.parse(String(writeText.mock.calls[1]?.[0] ?? ''))).toEqual(makeKey());
  });

  it('says why a refresh failed while the earlier card stays', () => {
    render(
      <CardToolbar
        apiKey={makeKey()}
        fetchedAt={NOW.toISOString()}
        now={NOW}
        refreshing={false}
        onRefresh={() => {}}
        refreshError={{ kind: 'network', origin: 'https://modelgates.ai' }}
      />,
    );
    expect(screen.getByRole('alert').textContent).toBe(
      'Could not refresh: Could not reach the API. Showing the earlier answer.',
    );
  });

  it('offers Open in a tab only where it is given (the popup), and opens it', () => {
    const onOpenInTab = vi.fn();
    const props = { apiKey: makeKey(), fetchedAt: NOW.toISOString(), now: NOW, refreshing: false, onRefresh: () => {} };
    const { rerender } = render(<CardToolbar {...props} />);
    expect(screen.queryByRole('button', { name: 'Open in a tab' })).toBeNull();
    rerender(<CardToolbar {...props} onOpenInTab={onOpenInTab} />);
    fireEvent.click(screen.getByRole('button', { name: 'Open in a tab' }));
    expect(onOpenInTab).toHaveBeenCalledOnce();
  });
});
