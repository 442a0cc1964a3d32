import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NOW } from '@/test/fixtures/key';
import type { SettingsView } from '@/utils/settings/views';
import { routeMessages, worker } from '@/test/fixtures/options-worker';
import type { WorkerReply } from '@/utils/messaging/page/worker-client';
import { DEFAULT_SETTINGS } from '@/utils/settings/settings';
import { DEFAULT_ALERT_SETTINGS } from '@/utils/watch/alert-settings-check';
import { hasHostAccess } from '@/utils/accounts/page/host-access';
import { panelShortcut, popupShortcut } from '@/utils/settings/page/shortcut';
import { DEFAULT_PANEL_SETTINGS } from '@/utils/panel/settings';
import { DEFAULT_LOCK_SETTINGS } from '@/utils/lock/lock-settings';
import type { LockView } from '@/utils/lock/views';
import { OptionsApp } from './App';

vi.mock('@/utils/messaging/page/worker-client', () => ({ askWorker: vi.fn() }));
vi.mock('@/utils/accounts/page/host-access', () => ({ hasHostAccess: vi.fn(), requestHostAccess: vi.fn() }));
vi.mock('@/utils/watch/page/notifications-permission', () => ({
  hasNotifications: vi.fn(),
  requestNotifications: vi.fn(),
}));
vi.mock('@/utils/settings/page/shortcut', () => ({
  popupShortcut: vi.fn(),
  panelShortcut: vi.fn(),
  openShortcutSettings: vi.fn(),
}));
const { getSettings, saveSettings, removeKey, removeAccount, testConnection } = worker;

const LOCAL = 'http://127.0.0.1:8787/api/v1';
const MINE = { id: 'my-account', name: 'My account', baseUrl: LOCAL, keyLast4: '4680' };
const STAGING = { id: 'stage', name: 'Staging', baseUrl: 'http://127.0.0.1:8788/api/v1', keyLast4: '9b1d' };
const saved: SettingsView = { ...DEFAULT_SETTINGS, accounts: [MINE] };
const both: SettingsView = { ...DEFAULT_SETTINGS, accounts: [MINE, STAGING] };
const LOCK_OFF: LockView = { storage: 'plain', locked: false, retryAt: null, settings: DEFAULT_LOCK_SETTINGS };

beforeEach(() => {
  vi.resetAllMocks();
  routeMessages('The options page', Object.keys(worker) as (keyof typeof worker)[]);
  // A fixed clock for "try again in 30 seconds"; only Date, so that promises and waits run as usual.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  getSettings.mockResolvedValue({ ok: true, settings: saved });
  worker.getAlertSettings.mockResolvedValue({ ok: true, settings: DEFAULT_ALERT_SETTINGS });
  worker.lockStatus.mockResolvedValue({ ok: true, lock: LOCK_OFF });
  vi.mocked(hasHostAccess).mockResolvedValue(true);
  vi.mocked(popupShortcut).mockResolvedValue('Alt+Shift+K');
  vi.mocked(panelShortcut).mockResolvedValue(null);
  worker.getPanelSettings.mockResolvedValue({ ok: true, settings: DEFAULT_PANEL_SETTINGS });
});
afterEach(() => {
  vi.useRealTimers();
});

const field = (name: string) => screen.getByRole('textbox', { name }) as HTMLInputElement;
const button = (name: string) => screen.getByRole('button', { name }) as HTMLButtonElement;
const status = () => screen.getByRole('status').textContent;
const type = (name: string, value: string) => fireEvent.input(field(name), { target: { value } });
const number = (name: string, value: string) =>
  fireEvent.input(screen.getByRole('spinbutton', { name }), { target: { value } });

async function openPage() {
  const page = render(<OptionsApp />);
  await screen.findAllByText('Saved, ending in');
  return page;
}
/** The fields of one account, found by its legend. */
const account = (name: string) => within(screen.getByRole('group', { name }));

describe('options page', () => {
  it('opens on the saved account, showing only the key’s last 4 characters, and no way to remove the only account', async () => {
    const { container } = await openPage();
    expect(screen.getByRole('heading', { name: 'Accounts' })).toBeTruthy();
    expect(container.querySelector('.saved-key')?.textContent).toBe('Saved, ending in 4680');
    expect(field('Account name').value).toBe('My account');
    expect(field('API base URL').value).toBe(LOCAL);
    expect((screen.getByRole('spinbutton', { name: 'Timeout (seconds)' }) as HTMLInputElement).value).toBe('10');
    expect(button('Test connection').disabled).toBe(false);
    expect(screen.queryByRole('button', { name: 'Remove account' })).toBeNull();
    await screen.findByText(/Open the popup with Alt\+Shift\+K\./);
  });

  it('says why when the settings cannot be loaded, and shows no form', async () => {
    getSettings.mockResolvedValue({ ok: false, error: { kind: 'interrupted' } });
    render(<OptionsApp />);
    expect((await screen.findByRole('alert')).textContent).toContain('The lookup was interrupted');
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull();
  });

  it('shows each refusal beside its field and keeps what was typed, with nothing saved', async () => {
    saveSettings.mockResolvedValue({
      ok: false,
      fieldErrors: { timeoutSeconds: 'The timeout must be between 3 and 60 seconds.' },
      accountErrors: [{ baseUrl: 'The API base URL must start with https://.' }],
    });
    const { container } = await openPage();
    fireEvent.click(button('Replace key'));
    fireEvent.input(screen.getByLabelText('Management key'), { target: { value: 'sk-mg-new-wxyz' } });
    type('API base URL', 'ftp://example.com/api/v1');
    number('Timeout (seconds)', '2');
    fireEvent.click(button('Save'));

    await waitFor(() => expect(status()).toBe('Nothing was saved. Correct the fields marked below.'));
    expect(saveSettings).toHaveBeenCalledOnce();
    expect(screen.getByRole('textbox', { description: /^The API base URL must start with https:\/\/\./ })).toBe(
      field('API base URL'),
    );
    expect(screen.getByRole('spinbutton', { description: /^The timeout must be between 3 and 60 seconds\./ })).toBe(
      screen.getByRole('spinbutton', { name: 'Timeout (seconds)' }),
    );
    expect((screen.getByLabelText('Management key') as HTMLInputElement).value).toBe('sk-mg-new-wxyz');
    expect(container.querySelector('.field-error')?.textContent).toBe('The API base URL must start with https://.');
    expect(button('Test connection').disabled).toBe(true);
    expect(screen.getByText('Save your changes to test them.')).toBeInstanceOf(HTMLParagraphElement);
  });

  it('saves, then shows the new key’s last 4 and lets the saved account be tested', async () => {
    let answer: (reply: WorkerReply<'saveSettings'>) => void = () => {};
    saveSettings.mockReturnValue(new Promise((resolve) => (answer = resolve)));
    const { container } = await openPage();
    fireEvent.click(button('Replace key'));
    fireEvent.input(screen.getByLabelText('Management key'), { target: { value: 'sk-mg-new-wxyz' } });
    expect(button('Test connection').disabled).toBe(true);
    fireEvent.click(button('Save'));
    await waitFor(() => expect(button('Saving…').disabled).toBe(true));

    answer({ ok: true, settings: { ...saved, accounts: [{ ...MINE, keyLast4: 'wxyz' }] } });
    await waitFor(() => expect(status()).toBe('Settings saved.'));
    expect(container.querySelector('.saved-key')?.textContent).toBe('Saved, ending in wxyz');
    expect(container.querySelector('input[type="password"]')).toBeNull();
    expect(button('Save').disabled).toBe(false);
    expect(button('Test connection').disabled).toBe(false);
  });

  it('tests the connection, says it works, and drops that result once new settings are saved', async () => {
    let answer: (reply: WorkerReply<'testConnection'>) => void = () => {};
    testConnection.mockReturnValue(new Promise((resolve) => (answer = resolve)));
    saveSettings.mockResolvedValue({ ok: true, settings: saved });
    await openPage();
    fireEvent.click(button('Test connection'));
    expect(testConnection).toHaveBeenCalledWith({ accountId: 'my-account' });
    await waitFor(() => expect(button('Testing…').disabled).toBe(true));
    answer({ ok: true });
    const works = 'Connection works: the API accepted the management key.';
    await screen.findByText(works);
    fireEvent.click(button('Save'));
    await waitFor(() => expect(status()).toBe('Settings saved.'));
    expect(screen.queryByText(works)).toBeNull();
  });

  it('says why the test failed, counting from the clock', async () => {
    const retryAt = new Date(NOW.getTime() + 30_000).toISOString();
    testConnection.mockResolvedValue({ ok: false, error: { kind: 'rate_limited', retryAt } });
    await openPage();
    fireEvent.click(button('Test connection'));
    expect((await screen.findByRole('alert')).textContent).toBe('Too many requestsTry again in 30 seconds.');
  });

  it('removes the key: the key field is empty again and the rest stays', async () => {
    removeKey.mockResolvedValue({ ok: true, settings: { ...saved, accounts: [{ ...MINE, keyLast4: null }] } });
    await openPage();
    fireEvent.click(button('Remove key'));
    await waitFor(() => expect(status()).toBe('Management key removed.'));
    expect(removeKey).toHaveBeenCalledWith({ accountId: 'my-account' });
    expect((screen.getByLabelText('Management key') as HTMLInputElement).value).toBe('');
    expect(screen.queryByText('Saved, ending in')).toBeNull();
    expect(field('API base URL').value).toBe(LOCAL);
  });

  it('offers a host grant for the saved origin, and asks to save first while the base URL is edited', async () => {
    vi.mocked(hasHostAccess).mockResolvedValue(false);
    await openPage();
    await screen.findByRole('button', { name: 'Grant access' });
    type('API base URL', 'https://staging.modelgates.ai/api/v1');
    expect(screen.queryByRole('button', { name: 'Grant access' })).toBeNull();
    expect(screen.getByText('Save first, then grant access to the new origin if needed.')).toBeInstanceOf(
      HTMLParagraphElement,
    );
  });
});

describe('options page with several accounts', () => {
  it('adds an account with the focus in its name, and saves both in one request', async () => {
    saveSettings.mockResolvedValue({ ok: true, settings: both });
    await openPage();
    fireEvent.click(button('Add account'));
    const added = account('New account');
    const name = added.getByRole('textbox', { name: 'Account name' });
    expect(document.activeElement).toBe(name);
    fireEvent.input(name, { target: { value: 'Staging' } });
    fireEvent.input(added.getByLabelText('Management key'), { target: { value: 'sk-mg-mgmt-staging' } });
    fireEvent.input(added.getByRole('textbox', { name: 'API base URL' }), { target: { value: STAGING.baseUrl } });
    fireEvent.click(button('Save'));
    await waitFor(() => expect(status()).toBe('Settings saved.'));
    expect(saveSettings.mock.calls[0]?.[0].accounts).toEqual([
      { id: 'my-account', name: 'My account', baseUrl: LOCAL },
      { name: 'Staging', baseUrl: STAGING.baseUrl, managementKey: 'sk-mg-mgmt-staging' },
    ]);
    expect(account('Staging').getByText('Saved, ending in').textContent).toBe('Saved, ending in 9b1d');
    expect(account('My account').getByText('Saved, ending in').textContent).toBe('Saved, ending in 4680');
  });

  it('puts a refusal beside the field of the account it is about', async () => {
    saveSettings.mockResolvedValue({
      ok: false,
      fieldErrors: {},
      accountErrors: [{}, { name: 'Another account already has this name. Give each account its own.' }],
    });
    await openPage();
    fireEvent.click(button('Add account'));
    fireEvent.input(account('New account').getByRole('textbox', { name: 'Account name' }), {
      target: { value: 'my account' },
    });
    fireEvent.click(button('Save'));
    await waitFor(() => expect(status()).toBe('Nothing was saved. Correct the fields marked below.'));
    expect(
      account('my account').getByRole('textbox', { description: /^Another account already has this name/ }),
    ).toBeTruthy();
    expect(account('My account').queryByText(/Another account/)).toBeNull();
  });

  it('tests each account on its own, and says the result beside it', async () => {
    getSettings.mockResolvedValue({ ok: true, settings: both });
    testConnection.mockResolvedValue({ ok: false, error: { kind: 'unauthorized' } });
    await openPage();
    fireEvent.click(account('Staging').getByRole('button', { name: 'Test connection' }));
    expect(testConnection).toHaveBeenCalledExactlyOnceWith({ accountId: 'stage' });
    expect((await account('Staging').findByRole('alert')).textContent).toContain('Management key rejected');
    expect(account('My account').queryByRole('alert')).toBeNull();
  });

  it('asks before it removes an account, and removes nothing on Cancel', async () => {
    getSettings.mockResolvedValue({ ok: true, settings: both });
    removeAccount.mockResolvedValue({ ok: true, settings: saved });
    await openPage();
    fireEvent.click(account('Staging').getByRole('button', { name: 'Remove account' }));
    const question = account('Staging').getByRole('group', { name: /^Remove “Staging”\?/ });
    expect(document.activeElement).toBe(within(question).getByRole('button', { name: 'Cancel' }));
    fireEvent.click(within(question).getByRole('button', { name: 'Cancel' }));
    expect(removeAccount).not.toHaveBeenCalled();

    fireEvent.click(account('Staging').getByRole('button', { name: 'Remove account' }));
    fireEvent.click(
      within(account('Staging').getByRole('group', { name: /^Remove/ })).getByRole('button', {
        name: 'Remove account',
      }),
    );
    await waitFor(() => expect(status()).toBe('Account “Staging” removed.'));
    expect(removeAccount).toHaveBeenCalledExactlyOnceWith({ accountId: 'stage' });
    expect(screen.queryByRole('group', { name: 'Staging' })).toBeNull();
  });

  it('lets no more than 10 accounts be added', async () => {
    await openPage();
    for (let i = 1; i < 10; i++) fireEvent.click(button('Add account'));
    expect(screen.getAllByRole('textbox', { name: 'Account name' })).toHaveLength(10);
    expect(button('Add account').disabled).toBe(true);
    expect(screen.getByText('You have 10 accounts, the most there can be.')).toBeTruthy();
  });
});
