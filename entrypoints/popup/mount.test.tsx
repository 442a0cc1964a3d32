import { act, fireEvent, screen, waitFor } from '@testing-library/preact';
import { renderToString } from 'preact-render-to-string';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HASH, NOW } from '@/test/fixtures/key';
import { askWorker, type WorkerReply } from '@/utils/messaging/page/worker-client';
import { App } from './App';
import { mountPopup } from './mount';

vi.mock('@/utils/messaging/page/worker-client', () => ({ askWorker: vi.fn() }));

const START: WorkerReply<'popupStart'> = {
  ok: true,
  lock: { on: false, locked: false },
  last: null,
  history: [
    {
      hash: HASH,
      accountId: 'a',
      name: 'Production backend',
      status: { text: 'Active', tone: 'ok' },
      at: NOW.toISOString(),
    },
  ],
  watched: [],
  recent: [],
  cacheSeconds: 0,
};

/** The popup's start reply, held until the test hands it over. */
function heldStart() {
  let answer: (reply: WorkerReply<'popupStart'>) => void = () => {};
  const started = new Promise<WorkerReply<'popupStart'>>((resolve) => (answer = resolve));
  return { started, answer };
}

/** popup.html as the build writes it: App's first render in #app (scripts/build/popup-shell.ts). */
function prerendered(): HTMLElement {
  const root = document.createElement('div');
  root.id = 'app';
  const parsed = new DOMParser().parseFromString(renderToString(<App />), 'text/html');
  root.append(...parsed.body.childNodes);
  document.body.append(root);
  return root;
}

const field = () => screen.getByLabelText('Key hash') as HTMLInputElement;

afterEach(() => document.body.replaceChildren());

describe('the popup taking over its prerendered HTML', () => {
  it('keeps the field the page opened with: the same element, still focused', () => {
    const root = prerendered();
    const before = field();
    before.focus();
    mountPopup(root, heldStart().started);
    expect(field()).toBe(before);
    expect(document.activeElement).toBe(before);
    expect(root.querySelectorAll('#hash')).toHaveLength(1);
  });

  it('keeps what was typed before its scripts ran, through the start reply and the lookup', async () => {
    vi.mocked(askWorker).mockResolvedValue({ ok: false, error: { kind: 'interrupted' } });
    const root = prerendered();
    field().value = 'not a hash';
    const { started, answer } = heldStart();
    mountPopup(root, started);
    // The start reply redraws the popup: the typed text is still there.
    await act(async () => {
      answer(START);
      await started;
    });
    expect(field().value).toBe('not a hash');
    // And it is what the form submits: a typed non-hash is refused with its reason.
    fireEvent.submit(field().form as HTMLFormElement);
    expect((await screen.findByRole('alert')).textContent).toMatch(/hash/i);
    expect(field().value).toBe('not a hash');
    // Emptied, the field gives way to the history the start reply brought.
    fireEvent.input(field(), { target: { value: '' } });
    expect(await screen.findByRole('button', { name: /Production backend/ })).toBeTruthy();
  });

  it('answers the controls it took over: a history entry looks its key up', async () => {
    vi.mocked(askWorker).mockResolvedValue({ ok: false, error: { kind: 'interrupted' } });
    const root = prerendered();
    const { started, answer } = heldStart();
    mountPopup(root, started);
    answer(START);
    fireEvent.click(await screen.findByRole('button', { name: /Production backend/ }));
    await waitFor(() => expect(askWorker).toHaveBeenCalledWith('lookup', expect.objectContaining({ hash: HASH })));
    expect(field().value).toBe(HASH);
  });

  it('draws the history the start reply brings without waiting for a frame', async () => {
    const root = prerendered();
    // No frame comes in this test: whatever waits for one never runs.
    const frame = vi.spyOn(window, 'requestAnimationFrame').mockImplementation(() => 0);
    vi.useFakeTimers();
    try {
      mountPopup(root, Promise.resolve(START));
      for (let turn = 0; turn < 10; turn++) await Promise.resolve();
      expect(screen.getByRole('button', { name: /Production backend/ })).toBeTruthy();
    } finally {
      vi.useRealTimers();
      frame.mockRestore();
    }
  });

  it('renders from nothing where the HTML has no prerendered popup (wxt dev)', async () => {
    const root = document.createElement('div');
    document.body.append(root);
    mountPopup(root, heldStart().started);
    expect(field().autofocus).toBe(true);
    expect(screen.getByRole('button', { name: 'Look up' })).toBeTruthy();
  });
});
