import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OpenPanelButton } from './OpenPanelButton';

type Scope = { browser?: unknown; chrome?: unknown };
const scope = globalThis as unknown as Scope;
const saved = { browser: scope.browser, chrome: scope.chrome };
let close: ReturnType<typeof vi.fn<() => void>>;

beforeEach(() => {
  close = vi.fn<() => void>();
  vi.spyOn(window, 'close').mockImplementation(close);
});
afterEach(() => {
  scope.browser = saved.browser;
  scope.chrome = saved.chrome;
});

/** Chromium's API as the popup sees it: this window is 12. */
function chromium(open: (options: { windowId: number }) => Promise<void>) {
  scope.browser = undefined;
  scope.chrome = { runtime: { id: 'ext' }, windows: { getCurrent: async () => ({ id: 12 }) }, sidePanel: { open } };
}

describe('"Open side panel" in the popup', () => {
  it('opens Chromium’s side panel for the popup’s own window, in the click itself, then closes the popup', async () => {
    const open = vi.fn(async () => {});
    chromium(open);
    render(<OpenPanelButton />);
    // The window is known before the click: the click calls open at once.
    await new Promise((resolve) => setTimeout(resolve, 0));
    fireEvent.click(screen.getByRole('button', { name: 'Open side panel' }));
    expect(open).toHaveBeenCalledWith({ windowId: 12 });
    await waitFor(() => expect(close).toHaveBeenCalledOnce());
  });

  it('opens Firefox’s sidebar', async () => {
    const open = vi.fn(async () => {});
    scope.browser = { runtime: { id: 'ext' }, sidebarAction: { open } };
    render(<OpenPanelButton />);
    fireEvent.click(screen.getByRole('button', { name: 'Open side panel' }));
    expect(open).toHaveBeenCalledOnce();
    await waitFor(() => expect(close).toHaveBeenCalledOnce());
  });

  it('says so when the browser refuses, and the popup stays', async () => {
    chromium(vi.fn(async () => Promise.reject(new Error('No active side panel for windowId: 12'))));
    render(<OpenPanelButton />);
    await new Promise((resolve) => setTimeout(resolve, 0));
    fireEvent.click(screen.getByRole('button', { name: 'Open side panel' }));
    expect((await screen.findByRole('alert')).textContent).toBe('The side panel could not be opened. Try again.');
    expect(close).not.toHaveBeenCalled();
  });

  it('is not offered by a browser without a side panel', () => {
    scope.browser = undefined;
    scope.chrome = { runtime: { id: 'ext' } };
    render(<OpenPanelButton />);
    expect(screen.queryByRole('button', { name: 'Open side panel' })).toBeNull();
  });
});
