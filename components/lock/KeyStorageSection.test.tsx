import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { askWorker } from '@/utils/messaging/page/worker-client';
import { DEFAULT_LOCK_SETTINGS } from '@/utils/lock/lock-settings';
import type { LockView } from '@/utils/lock/views';
import { KeyStorageSection } from './KeyStorageSection';

vi.mock('@/utils/messaging/page/worker-client', () => ({ askWorker: vi.fn() }));

const PLAIN: LockView = { storage: 'plain', locked: false, retryAt: null, settings: DEFAULT_LOCK_SETTINGS };
const ON: LockView = { ...PLAIN, storage: 'encrypted' };
const radio = (name: RegExp) => screen.getByRole('radio', { name }) as HTMLInputElement;
const PASSPHRASE = 'plum kettle harbour violin 42';

function renderSection(lock: LockView, forgetKeyOnClose = false) {
  const props = { onForgetKeyOnClose: vi.fn(), onLock: vi.fn() };
  render(
    <KeyStorageSection lock={lock} forgetKeyOnClose={forgetKeyOnClose} accountNames={['Production']} {...props} />,
  );
  return props;
}

describe('KeyStorageSection', () => {
  beforeEach(() => vi.mocked(askWorker).mockReset());

  it('offers the three places as one choice, each with a sentence, and shows where the keys are', () => {
    renderSection(PLAIN, true);
    expect(screen.getByRole('group', { name: 'Where the keys are kept' })).toBeInstanceOf(HTMLFieldSetElement);
    expect(screen.getAllByRole('radio')).toHaveLength(3);
    expect(radio(/^In memory only: enter them again after the browser restarts$/).checked).toBe(true);
    expect(screen.getByRole('radio', { description: /anyone who can read your browser profile/ })).toBe(
      radio(/^On this computer$/),
    );
    expect(screen.getByRole('radio', { description: /Unlocked once per browser session/ })).toBe(
      radio(/encrypted with a passphrase/),
    );
  });

  it('passes plain and memory-only to the settings form, saved with it', () => {
    const { onForgetKeyOnClose } = renderSection(PLAIN);
    fireEvent.click(radio(/^In memory only/));
    expect(onForgetKeyOnClose).toHaveBeenLastCalledWith(true);
    fireEvent.click(radio(/^On this computer$/));
    expect(onForgetKeyOnClose).toHaveBeenLastCalledWith(false);
  });

  it('refuses a passphrase that is too easy to guess in words, and sends nothing', async () => {
    renderSection(PLAIN);
    fireEvent.click(radio(/encrypted with a passphrase/));
    fireEvent.input(screen.getByLabelText('Passphrase'), { target: { value: 'password1234' } });
    fireEvent.input(screen.getByLabelText('Repeat passphrase'), { target: { value: 'password1234' } });
    fireEvent.click(screen.getByRole('button', { name: 'Turn on lock' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Too easy to guess: /);
    expect(askWorker).not.toHaveBeenCalled();
  });

  it('turns the lock on with a strong passphrase typed twice; Enter works too', async () => {
    vi.mocked(askWorker).mockResolvedValue({ ok: true, lock: ON });
    const { onLock } = renderSection(PLAIN);
    fireEvent.click(radio(/encrypted with a passphrase/));
    fireEvent.input(screen.getByLabelText('Passphrase'), { target: { value: PASSPHRASE } });
    fireEvent.input(screen.getByLabelText('Repeat passphrase'), { target: { value: PASSPHRASE } });
    fireEvent.keyDown(screen.getByLabelText('Repeat passphrase'), { key: 'Enter' });
    await waitFor(() => expect(onLock).toHaveBeenCalledWith(ON));
    expect(askWorker).toHaveBeenCalledWith('turnOnLock', { passphrase: PASSPHRASE });
  });

  it('turning the lock off asks the passphrase and warns where the keys go', async () => {
    vi.mocked(askWorker).mockResolvedValue({ ok: false, reason: 'wrong_passphrase', message: 'Wrong passphrase.' });
    renderSection(ON);
    fireEvent.click(radio(/^On this computer$/));
    expect(screen.getByText(/keys go back to plain storage/)).toBeTruthy();
    fireEvent.input(screen.getByLabelText('Passphrase'), { target: { value: 'not it at all' } });
    fireEvent.click(screen.getByRole('button', { name: 'Turn off lock' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Wrong passphrase.');
    expect(askWorker).toHaveBeenCalledWith('turnOffLock', { passphrase: 'not it at all', to: 'plain' });
  });
});
