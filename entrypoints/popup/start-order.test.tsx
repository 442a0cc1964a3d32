// The popup's start message, through the real messenger (@webext-core/messaging), leaves before
// the popup hydrates: hydrating takes milliseconds, and the worker can answer meanwhile. Hydrating
// waits for the page's first frame (utils/lookup/page/first-frame.ts).
import { screen } from '@testing-library/preact';
import type * as Preact from 'preact';
import { renderToString } from 'preact-render-to-string';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HASH } from '@/test/fixtures/key';
import { App } from './App';
import { startPopup } from './mount';

/** In the order it happened: each message sent, and each hydration. */
const happened: string[] = [];

vi.mock('preact', async (original) => {
  const preact = await original<typeof Preact>();
  return {
    ...preact,
    hydrate: (...args: Parameters<typeof preact.hydrate>) => {
      happened.push('hydrated');
      preact.hydrate(...args);
    },
  };
});

const globals = globalThis as { chrome?: unknown };

afterEach(() => {
  delete globals.chrome;
  happened.length = 0;
  document.body.replaceChildren();
  vi.restoreAllMocks();
});

/** The extension API as far as the messenger uses it: each message sent is noted in `happened`. */
function recordMessages(): void {
  globals.chrome = {
    runtime: { sendMessage: (message: { type: string }) => void happened.push(`sent ${message.type}`) },
  };
}

/** popup.html as the build writes it: App's first render in the root. */
function prerenderedRoot(): HTMLElement {
  const root = document.createElement('div');
  root.append(...new DOMParser().parseFromString(renderToString(<App />), 'text/html').body.childNodes);
  document.body.append(root);
  return root;
}

/** Holds the page's frames until the test runs them: returns what runs the next one. */
function heldFrames(): () => void {
  const frames: FrameRequestCallback[] = [];
  vi.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) => frames.push(callback));
  return () => frames.splice(0).forEach((callback) => callback(performance.now()));
}

describe('the popup starting', () => {
  it('sends its start message before it hydrates the prerendered field', async () => {
    recordMessages();
    const root = prerenderedRoot();
    await startPopup(root);
    expect(happened).toEqual(['sent popupStart', 'hydrated']);
    expect(screen.getAllByLabelText('Key hash')).toHaveLength(1);
  });

  it('takes over the field only after its first frame, the start message sent before it', async () => {
    recordMessages();
    const runFrame = heldFrames();
    const started = startPopup(prerenderedRoot());
    await new Promise((resolve) => setTimeout(resolve, 10));
    // The message is out; the page has not had its first frame, so the field is left as it is.
    expect(happened).toEqual(['sent popupStart']);
    happened.push('frame');
    runFrame();
    await started;
    expect(happened).toEqual(['sent popupStart', 'frame', 'hydrated']);
  });

  it('looks up, once it has taken over the form, a hash entered with Enter before it had', async () => {
    recordMessages();
    const runFrame = heldFrames();
    const started = startPopup(prerenderedRoot());
    const field = screen.getByLabelText('Key hash') as HTMLInputElement;
    field.value = HASH;
    const submit = new SubmitEvent('submit', { bubbles: true, cancelable: true });
    field.form?.dispatchEvent(submit);
    // Not sent as a page load, which would reload the popup.
    expect(submit.defaultPrevented).toBe(true);
    runFrame();
    await started;
    await vi.waitFor(() => expect(happened).toEqual(['sent popupStart', 'hydrated', 'sent lookup']));
    expect(field.value).toBe(HASH);
  });
});
