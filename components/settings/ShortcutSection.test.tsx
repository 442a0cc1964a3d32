import { fireEvent, render, screen } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { openShortcutSettings, popupShortcut } from '../../utils/settings/page/shortcut';
import { ShortcutSection } from './ShortcutSection';

vi.mock('../../utils/settings/page/shortcut', () => ({
  popupShortcut: vi.fn(),
  openShortcutSettings: vi.fn(async () => {}),
}));

beforeEach(() => {
  vi.mocked(popupShortcut).mockReset();
});

const text = () => screen.getByRole('region', { name: 'Keyboard shortcut' }).querySelector('p')?.textContent;

describe('ShortcutSection', () => {
  it.each([
    ['Alt+Shift+K', 'Open the popup with Alt+Shift+K. Change shortcut'],
    [null, 'No shortcut is set for opening the popup. Change shortcut'],
  ])('says the shortcut the browser reports (%s)', async (shortcut, words) => {
    vi.mocked(popupShortcut).mockResolvedValue(shortcut);
    render(<ShortcutSection />);
    await vi.waitFor(() => expect(text()).toBe(words));
  });

  it('says nothing about the shortcut until the browser has answered', () => {
    vi.mocked(popupShortcut).mockReturnValue(new Promise(() => {}));
    render(<ShortcutSection />);
    expect(text()).toBe(' Change shortcut');
  });

  it('opens the browser’s own shortcut page', () => {
    vi.mocked(popupShortcut).mockResolvedValue(null);
    render(<ShortcutSection />);
    fireEvent.click(screen.getByRole('button', { name: 'Change shortcut' }));
    expect(openShortcutSettings).toHaveBeenCalledOnce();
  });
});
