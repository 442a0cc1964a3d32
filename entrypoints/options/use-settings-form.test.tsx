import { act, renderHook, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SaveSettingsRequest, SettingsView } from '@/utils/messaging/protocol';
import { askWorker, type WorkerReply } from '@/utils/messaging/worker-client';
import { DEFAULT_BASE_URL, DEFAULT_SETTINGS } from '@/utils/settings';
import { type ReadyForm, useSettingsForm } from './use-settings-form';

vi.mock('@/utils/messaging/worker-client', () => ({ askWorker: vi.fn() }));
/** The worker, one mock per message the form sends. */
const getSettings = vi.fn<() => Promise<WorkerReply<'getSettings'>>>();
const saveSettings = vi.fn<(request: SaveSettingsRequest) => Promise<WorkerReply<'saveSettings'>>>();
const removeKey = vi.fn<() => Promise<WorkerReply<'removeKey'>>>();

const { accounts: _, ...defaults } = DEFAULT_SETTINGS;
const saved: SettingsView = { ...defaults, baseUrl: DEFAULT_BASE_URL, keySaved: true, keyLast4: '4680' };

beforeEach(() => {
  vi.resetAllMocks();
  vi.mocked(askWorker).mockImplementation(async (type: string, data?: unknown) => {
    if (type === 'getSettings') return getSettings();
    if (type === 'saveSettings') return saveSettings(data as SaveSettingsRequest);
    if (type === 'removeKey') return removeKey();
    throw new Error(`The form sent an unexpected message: ${type}`);
  });
  getSettings.mockResolvedValue({ ok: true, settings: saved });
});

/** Renders the hook and waits until the saved settings are in. */
async function openForm() {
  const hook = renderHook(() => useSettingsForm());
  await waitFor(() => expect(hook.result.current.phase).toBe('ready'));
  const form = () => hook.result.current as ReadyForm & { phase: 'ready' };
  return form;
}

describe('useSettingsForm', () => {
  it('opens on the saved settings, with the key field empty and nothing to save', async () => {
    const form = await openForm();
    expect(form().saved.keyLast4).toBe('4680');
    expect(form().draft.connection).toEqual({ key: '', baseUrl: DEFAULT_BASE_URL });
    expect(form().dirty).toBe(false);
    expect(form().status).toBeNull();
  });

  it('has nothing to edit when the worker does not give the settings', async () => {
    getSettings.mockResolvedValue({ ok: false, error: { kind: 'interrupted' } });
    const hook = renderHook(() => useSettingsForm());
    await waitFor(() => expect(hook.result.current).toEqual({ phase: 'failed', error: { kind: 'interrupted' } }));
  });

  it('sends the whole form in one request, then starts again from what the worker saved', async () => {
    saveSettings.mockResolvedValue({ ok: true, settings: { ...saved, timeoutSeconds: 20, keyLast4: 'wxyz' } });
    const form = await openForm();
    const before = form().generation;
    await act(() => form().editConnection({ key: 'sk-mg-new-wxyz' }));
    await act(() => form().edit({ timeoutSeconds: '20', historyEnabled: false }));
    expect(form().dirty).toBe(true);
    await act(() => form().save());
    expect(saveSettings).toHaveBeenCalledExactlyOnceWith({
      baseUrl: DEFAULT_BASE_URL,
      timeoutSeconds: 20,
      cacheSeconds: 60,
      forgetKeyOnClose: false,
      historyEnabled: false,
      managementKey: 'sk-mg-new-wxyz',
    });
    expect(form().status).toEqual({ tone: 'ok', text: 'Settings saved.' });
    expect(form().saved.keyLast4).toBe('wxyz');
    expect(form().draft.connection.key).toBe('');
    expect(form().draft.timeoutSeconds).toBe('20');
    expect(form().generation).toBe(before + 1);
    expect(form().dirty).toBe(false);
  });

  it('keeps what was typed and the saved settings when a field is refused, and clears the errors on a good save', async () => {
    const refused = { baseUrl: 'The API base URL must start with https://.' };
    saveSettings.mockResolvedValueOnce({ ok: false, fieldErrors: refused });
    const form = await openForm();
    await act(() => form().editConnection({ key: 'sk-mg-other', baseUrl: 'ftp://x' }));
    await act(() => form().save());
    expect(form().errors).toEqual(refused);
    expect(form().status).toEqual({ tone: 'error', text: 'Nothing was saved. Correct the fields marked below.' });
    expect(form().saved.keyLast4).toBe('4680');
    expect(form().draft.connection).toEqual({ key: 'sk-mg-other', baseUrl: 'ftp://x' });
    expect(form().dirty).toBe(true);

    saveSettings.mockResolvedValueOnce({ ok: true, settings: saved });
    await act(() => form().save());
    expect(form().errors).toEqual({});
  });

  it('says nothing was saved, in the popup’s words, when the request itself fails', async () => {
    saveSettings.mockResolvedValue({ ok: false, error: { kind: 'interrupted' } });
    const form = await openForm();
    await act(() => form().save());
    expect(form().status).toEqual({
      tone: 'error',
      text: 'Nothing was saved. The extension stopped in the background before the answer came. Try again.',
    });
    expect(form().saving).toBe(false);
  });

  it('is saving only until the worker answers', async () => {
    let answer: (reply: WorkerReply<'saveSettings'>) => void = () => {};
    saveSettings.mockReturnValue(new Promise((resolve) => (answer = resolve)));
    const form = await openForm();
    let saving: Promise<void> = Promise.resolve();
    await act(() => {
      saving = form().save();
    });
    expect(form().saving).toBe(true);
    await act(async () => {
      answer({ ok: true, settings: saved });
      await saving;
    });
    expect(form().saving).toBe(false);
  });

  it('removes the key and starts again from the settings without it', async () => {
    removeKey.mockResolvedValue({ ok: true, settings: { ...saved, keySaved: false, keyLast4: null } });
    const form = await openForm();
    await act(() => form().edit({ cacheSeconds: '5' }));
    await act(() => form().removeKey());
    expect(form().saved.keyLast4).toBeNull();
    expect(form().draft.cacheSeconds).toBe('60');
    expect(form().status).toEqual({ tone: 'ok', text: 'Management key removed.' });
  });

  it('says so when the key could not be removed, and keeps showing it', async () => {
    removeKey.mockResolvedValue({ ok: false, error: { kind: 'interrupted' } });
    const form = await openForm();
    await act(() => form().removeKey());
    expect(form().saved.keyLast4).toBe('4680');
    expect(form().status).toEqual({
      tone: 'error',
      text: 'The key could not be removed: the extension did not answer. Try again.',
    });
  });
});
