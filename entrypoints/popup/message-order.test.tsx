// The popup's lookup message, through the real messenger (@webext-core/messaging), leaves before
// the popup redraws for it: the messenger sends a microtask after it is called, so a state change
// made first would queue the popup's redraw ahead of the message.
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { HASH } from '@/test/fixtures/key';
import type { WorkerReply } from '@/utils/messaging/page/worker-client';
import { App } from './App';

const globals = globalThis as { chrome?: unknown };

/** Each message sent, with whether the spinner was on screen as it left. Never answered. */
function messagesSent(): { type: string; spinnerShown: boolean }[] {
  const sent: { type: string; spinnerShown: boolean }[] = [];
  globals.chrome = {
    runtime: {
      sendMessage: (message: { type: string }) =>
        void sent.push({ type: message.type, spinnerShown: screen.queryByText('Looking up key…') !== null }),
    },
  };
  return sent;
}

afterEach(() => delete globals.chrome);

describe('a lookup from the popup', () => {
  it('sends its message before the popup draws the spinner', async () => {
    const sent = messagesSent();
    const started = new Promise<WorkerReply<'popupStart'>>(() => {});
    render(<App started={started} />);
    const field = screen.getByLabelText('Key hash') as HTMLInputElement;
    fireEvent.input(field, { target: { value: HASH } });
    // Dispatched as the browser does, not through Testing Library's act(), which would draw the
    // popup's next state before the submit's microtasks run.
    field.form?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await screen.findByText('Looking up key…');
    await waitFor(() => expect(sent.map((message) => message.type)).toContain('lookup'));
    expect(sent.find((message) => message.type === 'lookup')?.spinnerShown).toBe(false);
  });
});
