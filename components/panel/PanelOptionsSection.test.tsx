import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { askWorker } from '@/utils/messaging/page/worker-client';
import { PanelOptionsSection } from './PanelOptionsSection';

vi.mock('@/utils/messaging/page/worker-client', () => ({ askWorker: vi.fn() }));

const save = vi.fn<(request: unknown) => Promise<unknown>>();

beforeEach(() => {
  save.mockReset();
  vi.mocked(askWorker).mockImplementation((async (type: string, data?: unknown) => {
    if (type === 'getPanelSettings') return { ok: true, settings: { rightClickIn: 'popup' } };
    if (type === 'savePanelSettings') return save(data);
    throw new Error(`unexpected ${type}`);
  }) as typeof askWorker);
});

const radio = (name: string) => screen.getByRole('radio', { name }) as HTMLInputElement;

describe('Options → Side panel', () => {
  it('shows where right-click lookups show now: the popup by default', async () => {
    render(<PanelOptionsSection />);
    await screen.findByRole('group', { name: 'Show right-click lookups in' });
    expect(radio('the popup').checked).toBe(true);
    expect(radio('the side panel').checked).toBe(false);
  });

  it('saves the side panel as soon as it is chosen, and says so', async () => {
    save.mockResolvedValue({ ok: true, settings: { rightClickIn: 'panel' } });
    render(<PanelOptionsSection />);
    await screen.findByRole('group', { name: 'Show right-click lookups in' });
    fireEvent.click(radio('the side panel'));
    await screen.findByText('Saved: right-click lookups open the side panel.');
    expect(save).toHaveBeenCalledWith({ rightClickIn: 'panel' });
    expect(radio('the side panel').checked).toBe(true);
  });

  it('goes back to what was saved, and says so, when the worker does not answer', async () => {
    save.mockResolvedValue({ ok: false, error: { kind: 'interrupted' } });
    render(<PanelOptionsSection />);
    await screen.findByRole('group', { name: 'Show right-click lookups in' });
    fireEvent.click(radio('the side panel'));
    await screen.findByText('Not saved: the extension did not answer. Try again.');
    await waitFor(() => expect(radio('the popup').checked).toBe(true));
  });
});
