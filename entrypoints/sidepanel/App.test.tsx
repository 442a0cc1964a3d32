import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { HASH } from '@/test/fixtures/key';
import { DEFAULT_LOCK_SETTINGS } from '@/utils/lock/lock-settings';
import type { LockView } from '@/utils/lock/views';
import { askWorker } from '@/utils/messaging/page/worker-client';
import { connectPanel } from '@/utils/panel/page/panel-port';
import { App } from './App';

vi.mock('@/utils/messaging/page/worker-client', () => ({ askWorker: vi.fn() }));
vi.mock('@/utils/panel/page/panel-port', () => ({ connectPanel: vi.fn() }));
vi.mock('@/utils/panel/page/extension-api', () => ({ currentWindowId: vi.fn(async () => 7), extensionApi: vi.fn() }));

const lockView = (locked: boolean): LockView => ({
  storage: 'encrypted',
  locked,
  retryAt: null,
  settings: DEFAULT_LOCK_SETTINGS,
});
let locked = true;
const sent: string[] = [];

beforeEach(() => {
  locked = true;
  sent.length = 0;
  vi.mocked(askWorker).mockImplementation((async (type: string, data?: unknown) => {
    sent.push(type);
    if (type === 'lockStatus') return { ok: true, lock: lockView(locked) };
    if (type === 'unlock') {
      locked = (data as { passphrase: string }).passphrase !== 'plum kettle harbour violin';
      return locked
        ? { ok: false, reason: 'wrong_passphrase', message: 'Wrong passphrase.' }
        : { ok: true, lock: lockView(false) };
    }
    if (type === 'panelLookup') return { ok: false, error: { kind: 'locked' } };
    if (type === 'panelTakeLookup') return { ok: true, last: null };
    return { ok: true, cards: [] };
  }) as typeof askWorker);
  vi.mocked(connectPanel).mockImplementation((_windowId, _onPush, onConnected) => {
    onConnected?.();
    return () => undefined;
  });
});

describe('side panel App', () => {
  it('shows the unlock form instead of the field and the cards while the keys are locked', async () => {
    render(<App />);
    expect(await screen.findByLabelText('Passphrase')).toBeTruthy();
    expect(screen.queryByLabelText('Key hash')).toBeNull();
    expect(sent).not.toContain('panelTakeLookup');
  });

  it('shows the field once unlocked', async () => {
    render(<App />);
    fireEvent.input(await screen.findByLabelText('Passphrase'), { target: { value: 'plum kettle harbour violin' } });
    fireEvent.submit(screen.getByLabelText('Passphrase').closest('form') as HTMLFormElement);
    expect(await screen.findByLabelText('Key hash')).toBeTruthy();
  });

  it('brings the unlock form back when a lookup meets the lock', async () => {
    locked = false;
    render(<App />);
    const field = (await screen.findByLabelText('Key hash')) as HTMLInputElement;
    locked = true;
    fireEvent.input(field, { target: { value: HASH } });
    fireEvent.submit(field.closest('form') as HTMLFormElement);
    await waitFor(() => expect(screen.queryByLabelText('Key hash')).toBeNull());
    expect(await screen.findByLabelText('Passphrase')).toBeTruthy();
  });
});
