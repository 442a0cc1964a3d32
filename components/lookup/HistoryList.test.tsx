import { fireEvent, render, screen } from '@testing-library/preact';
import { createRef } from 'preact';
import { describe, expect, it, vi } from 'vitest';
import type { HistoryEntry } from '@/utils/storage/background/items';
import { HistoryList } from './HistoryList';
import { NOW } from '@/test/fixtures/key';

const entry = (n: number, name: string | null, text = 'Active'): HistoryEntry => ({
  hash: n.toString(16).repeat(64).slice(0, 64),
  accountId: 'my-account',
  name,
  status: { text, tone: text === 'Active' ? 'ok' : 'danger' },
  at: new Date(NOW.getTime() - n * 60_000).toISOString(),
});

describe('HistoryList', () => {
  it('lists name, status, shortened hash and when', () => {
    render(
      <HistoryList
        entries={[entry(1, 'Billing'), entry(2, null, 'Disabled'), entry(3, '  ')]}
        now={NOW}
        onPick={() => {}}
        onClear={() => {}}
      />,
    );
    const items = screen.getAllByRole('button', { name: /^Look up/ });
    expect(items.map((b) => b.textContent)).toEqual([
      'Billing Active 11111111…111111 1 minute ago',
      'Unnamed key Disabled 22222222…222222 2 minutes ago',
      'Unnamed key Active 33333333…333333 3 minutes ago',
    ]);
  });

  it('says the account of each entry when it is given (several accounts), in its accessible name too', () => {
    render(
      <HistoryList
        entries={[
          { ...entry(1, 'Billing'), account: 'Staging' },
          { ...entry(1, 'Billing'), accountId: 'other', account: 'Production' },
        ]}
        now={NOW}
        onPick={() => {}}
        onClear={() => {}}
      />,
    );
    const items = screen.getAllByRole('button', { name: /^Look up/ });
    expect(items.map((b) => b.textContent)).toEqual([
      'Billing · Staging Active 11111111…111111 1 minute ago',
      'Billing · Production Active 11111111…111111 1 minute ago',
    ]);
    expect(items[0]?.getAttribute('aria-label')).toBe(
      'Look up Billing, Staging, Active, 11111111…111111, 1 minute ago',
    );
  });

  it('looks an entry up again on click, and clears on request', () => {
    const onPick = vi.fn();
    const onClear = vi.fn();
    render(<HistoryList entries={[entry(1, 'Billing')]} now={NOW} onPick={onPick} onClear={onClear} />);
    fireEvent.click(screen.getByRole('button', { name: 'Look up Billing, Active, 11111111…111111, 1 minute ago' }));
    expect(onPick).toHaveBeenCalledWith(entry(1, 'Billing').hash);
    fireEvent.click(screen.getByRole('button', { name: 'Clear history' }));
    expect(onClear).toHaveBeenCalledOnce();
  });

  it('moves focus with the arrow keys', () => {
    render(
      <HistoryList
        entries={[entry(1, 'one'), entry(2, 'two'), entry(3, 'three')]}
        now={NOW}
        onPick={() => {}}
        onClear={() => {}}
      />,
    );
    const [one, two, three] = screen.getAllByRole('button', { name: /^Look up/ });
    one?.focus();
    fireEvent.keyDown(one as HTMLElement, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(two);
    fireEvent.keyDown(two as HTMLElement, { key: 'ArrowDown' });
    fireEvent.keyDown(three as HTMLElement, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(three);
    fireEvent.keyDown(three as HTMLElement, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(two);
  });

  it('points the page at its first entry, and hands focus back on ArrowUp from there', () => {
    const firstEntryRef = createRef<HTMLButtonElement>();
    const onLeaveUp = vi.fn();
    render(
      <HistoryList
        entries={[entry(1, 'one'), entry(2, 'two')]}
        now={NOW}
        onPick={() => {}}
        onClear={() => {}}
        firstEntryRef={firstEntryRef}
        onLeaveUp={onLeaveUp}
      />,
    );
    const [one, two] = screen.getAllByRole('button', { name: /^Look up/ });
    expect(firstEntryRef.current).toBe(one);
    two?.focus();
    fireEvent.keyDown(two as HTMLElement, { key: 'ArrowUp' });
    expect(onLeaveUp).not.toHaveBeenCalled();
    fireEvent.keyDown(one as HTMLElement, { key: 'ArrowUp' });
    expect(onLeaveUp).toHaveBeenCalledOnce();
  });

  it('says where lookups will appear when there are none', () => {
    render(<HistoryList entries={[]} now={NOW} onPick={() => {}} onClear={() => {}} />);
    expect(screen.queryByText('Lookups you make appear here.')).not.toBeNull();
  });
});
