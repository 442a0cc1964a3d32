import { fireEvent, render, screen } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { openShortcutSettings, panelShortcut, popupShortcut } from '../../utils/settings/page/shortcut';
import { ShortcutSection } from './ShortcutSection';

vi.mock('../../utils/settings/page/shortcut', () => ({
  popupShortcut: vi.fn(),
  panelShortcut: vi.fn(),
  openShortcutSettings: vi.fn(async () => {}),
}));

beforeEach(() => {
  vi.mocked(popupShortcut).mockReset();
  vi.mocked(panelShortcut).mockReset();
  vi.mocked(panelShortcut).mockResolvedValue(null);
});

const text = () =>
  Array.from(screen.getByRole('region', { name: 'Keyboard shortcuts' }).querySelectorAll('p'), (p) => p.textContent)
    .join(' ')
    .trim();

describe('ShortcutSection', () => {
  it.each([
    [
      'Alt+Shift+K',
      null,
      'Open the popup with Alt+Shift+K. No shortcut is set for opening the side panel. Change shortcuts',
    ],
    [
      null,
      'Ctrl+Shift+Y',
      'No shortcut is set for opening the popup. Open the side panel with Ctrl+Shift+Y. Change shortcuts',
    ],
  ])('says the shortcuts the browser reports (popup %s, side panel %s)', async (popup, panel, words) => {
    vi.mocked(popupShortcut).mockResolvedValue(popup);
    vi.mocked(panelShortcut).mockResolvedValue(panel);
    render(<ShortcutSection />);
    await vi.waitFor(() => expect(text()).toBe(words));
  });

  it('says nothing about the shortcuts until the browser has answered', () => {
    vi.mocked(popupShortcut).mockReturnValue(new Promise(() => {}));
    vi.mocked(panelShortcut).mockReturnValue(new Promise(() => {}));
    render(<ShortcutSection />);
    expect(text()).toBe('Change shortcuts');
  });

  it('opens the browser’s own shortcut page', () => {
    vi.mocked(popupShortcut).mockResolvedValue(null);
    render(<ShortcutSection />);
    fireEvent.click(screen.getByRole('button', { name: 'Change shortcuts' }));
    expect(openShortcutSettings).toHaveBeenCalledOnce();
  });
});
