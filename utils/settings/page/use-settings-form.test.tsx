import { act, renderHook, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SettingsView } from '@/utils/settings/views';
import { routeMessages, worker } from '@/test/fixtures/options-worker';
import { DEFAULT_BASE_URL, DEFAULT_SETTINGS } from '@/utils/settings/settings';
import { type ReadyForm, useSettingsForm } from './use-settings-form';

vi.mock('@/utils/messaging/page/worker-client', () => ({ askWorker: vi.fn() }));
const { getSettings, saveSettings, removeKey, removeAccount } = worker;

const PRODUCTION = { id: 'prod', name: 'Production', baseUrl: DEFAULT_BASE_URL, keyLast4: '4680' };
const STAGING = { id: 'stage', name: 'Staging', baseUrl: 'https://staging.example/api', keyLast4: '9b1d' };
const saved: SettingsView = { ...DEFAULT_SETTINGS, accounts: [PRODUCTION] };
const both: SettingsView = { ...DEFAULT_SETTINGS, accounts: [PRODUCTION, STAGING] };

beforeEach(() => {
  vi.resetAllMocks();
  routeMessages('The form', ['getSettings', 'saveSettings', 'removeKey', 'removeAccount']);
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
  it('opens on the saved accounts, with the key fields empty and nothing to save', async () => {
    const form = await openForm();
    expect(form().saved.accounts[0]?.keyLast4).toBe('4680');
    expect(form().draft.accounts).toEqual([
      { draftId: 'prod', id: 'prod', name: 'Production', key: '', baseUrl: DEFAULT_BASE_URL },
    ]);
    expect(form().dirty).toBe(false);
    expect(form().status).toBeNull();
  });

  it('has nothing to edit when the worker does not give the settings', async () => {
    getSettings.mockResolvedValue({ ok: false, error: { kind: 'interrupted' } });
    const hook = renderHook(() => useSettingsForm());
    await waitFor(() => expect(hook.result.current).toEqual({ phase: 'failed', error: { kind: 'interrupted' } }));
  });

  it('adds an account and sends every account in one request, then starts again from what was saved', async () => {
    saveSettings.mockResolvedValue({ ok: true, settings: both });
    const form = await openForm();
    const before = form().generation;
    await act(() => form().addAccount());
    const added = form().draft.accounts[1]?.draftId ?? '';
    expect(form().added).toBe(added);
    await act(() => form().editAccount(added, { name: 'Staging', key: 'sk-mg-staging', baseUrl: STAGING.baseUrl }));
    await act(() => form().edit({ timeoutSeconds: '20' }));
    expect(form().dirty).toBe(true);
    await act(() => form().save());
    expect(saveSettings).toHaveBeenCalledExactlyOnceWith({
      accounts: [
        { id: 'prod', name: 'Production', baseUrl: DEFAULT_BASE_URL },
        { name: 'Staging', baseUrl: STAGING.baseUrl, managementKey: 'sk-mg-staging' },
      ],
      timeoutSeconds: 20,
      cacheSeconds: 60,
      bulkConcurrency: 4,
      forgetKeyOnClose: false,
      historyEnabled: true,
    });
    expect(form().status).toEqual({ tone: 'ok', text: 'Settings saved.' });
    expect(form().draft.accounts.map((a) => a.id)).toEqual(['prod', 'stage']);
    expect(form().generation).toBe(before + 1);
    expect(form().dirty).toBe(false);
  });

  it('puts each refusal beside its own account’s field, keeps what was typed, and clears them on a good save', async () => {
    saveSettings.mockResolvedValueOnce({
      ok: false,
      fieldErrors: { timeoutSeconds: 'The timeout must be a whole number of seconds from 3 to 60.' },
      accountErrors: [{}, { name: 'Another account already has this name. Give each account its own.' }],
    });
    const form = await openForm();
    await act(() => form().addAccount());
    const added = form().draft.accounts[1]?.draftId ?? '';
    await act(() => form().editAccount(added, { name: 'production', key: 'sk-mg-x' }));
    await act(() => form().save());
    expect(form().accountErrors).toEqual({
      prod: {},
      [added]: { name: 'Another account already has this name. Give each account its own.' },
    });
    expect(form().errors).toEqual({ timeoutSeconds: expect.any(String) });
    expect(form().status).toEqual({ tone: 'error', text: 'Nothing was saved. Correct the fields marked below.' });
    expect(form().draft.accounts[1]).toMatchObject({ name: 'production', key: 'sk-mg-x' });

    saveSettings.mockResolvedValueOnce({ ok: true, settings: both });
    await act(() => form().save());
    expect(form().accountErrors).toEqual({});
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

  it('removes a saved account through the worker and keeps what is typed in the others', async () => {
    getSettings.mockResolvedValue({ ok: true, settings: both });
    removeAccount.mockResolvedValue({ ok: true, settings: saved });
    const form = await openForm();
    await act(() => form().editAccount('prod', { name: 'Prod' }));
    await act(() => form().removeAccount('stage'));
    expect(removeAccount).toHaveBeenCalledExactlyOnceWith({ accountId: 'stage' });
    expect(form().draft.accounts).toEqual([expect.objectContaining({ id: 'prod', name: 'Prod' })]);
    expect(form().saved.accounts).toEqual([PRODUCTION]);
    expect(form().status).toEqual({ tone: 'ok', text: 'Account “Staging” removed.' });
  });

  it('drops an account not saved yet without asking the worker', async () => {
    const form = await openForm();
    await act(() => form().addAccount());
    await act(() => form().removeAccount(form().draft.accounts[1]?.draftId ?? ''));
    expect(form().draft.accounts.map((a) => a.id)).toEqual(['prod']);
    expect(removeAccount).not.toHaveBeenCalled();
    expect(form().dirty).toBe(false);
  });

  it('keeps the account when the worker refuses to remove it, and says why', async () => {
    getSettings.mockResolvedValue({ ok: true, settings: both });
    removeAccount.mockResolvedValue({ ok: false, error: { kind: 'interrupted' } });
    const form = await openForm();
    await act(() => form().removeAccount('stage'));
    expect(form().draft.accounts.map((a) => a.id)).toEqual(['prod', 'stage']);
    expect(form().status?.text).toMatch(/^The account could not be removed\./);
  });

  it('removes one account’s key and starts again from the settings without it', async () => {
    removeKey.mockResolvedValue({ ok: true, settings: { ...saved, accounts: [{ ...PRODUCTION, keyLast4: null }] } });
    const form = await openForm();
    await act(() => form().edit({ cacheSeconds: '5' }));
    await act(() => form().removeKey('prod'));
    expect(removeKey).toHaveBeenCalledExactlyOnceWith({ accountId: 'prod' });
    expect(form().saved.accounts[0]?.keyLast4).toBeNull();
    expect(form().draft.cacheSeconds).toBe('60');
    expect(form().status).toEqual({ tone: 'ok', text: 'Management key removed.' });
  });

  it('says so when the key could not be removed, and keeps showing it', async () => {
    removeKey.mockResolvedValue({ ok: false, error: { kind: 'interrupted' } });
    const form = await openForm();
    await act(() => form().removeKey('prod'));
    expect(form().saved.accounts[0]?.keyLast4).toBe('4680');
    expect(form().status).toEqual({
      tone: 'error',
      text: 'The key could not be removed: the extension did not answer. Try again.',
    });
  });
});
