import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_ALERT_SETTINGS } from '@/utils/watch/alert-settings-check';

const askWorker = vi.fn();
vi.mock('@/utils/messaging/page/worker-client', () => ({ askWorker: (...args: unknown[]) => askWorker(...args) }));
vi.mock('@/utils/watch/page/notifications-permission', () => ({
  hasNotifications: async () => false,
  requestNotifications: async () => false,
}));
const { AlertsSection } = await import('./AlertsSection');

const PACE = 'Alert when a key is on pace to reach its limit before the reset';

beforeEach(() => {
  askWorker.mockReset();
  askWorker.mockImplementation(async (type: string, payload: Record<string, unknown>) =>
    type === 'getAlertSettings'
      ? { ok: true, settings: DEFAULT_ALERT_SETTINGS }
      : { ok: true, settings: { ...DEFAULT_ALERT_SETTINGS, ...payload, thresholds: [80, 100] } },
  );
});

describe('Options → Alerts: the pace alert', () => {
  it('is on by default, and turned off it is saved off', async () => {
    render(<AlertsSection />);
    const box = (await screen.findByRole('checkbox', { name: PACE })) as HTMLInputElement;
    expect(box.checked).toBe(true);
    fireEvent.click(box);
    fireEvent.click(screen.getByRole('button', { name: 'Save alerts' }));
    await screen.findByText('Alert settings saved.');
    await waitFor(() =>
      expect(askWorker).toHaveBeenCalledWith('saveAlertSettings', {
        thresholds: '80, 100',
        intervalMinutes: 30,
        notify: false,
        paceAlert: false,
      }),
    );
  });
});
