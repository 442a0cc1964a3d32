// The popup's start message, through the real messenger (@webext-core/messaging), leaves before
// the popup hydrates: hydrating is synchronous and takes milliseconds, and the worker can answer
// meanwhile.
import { screen } from '@testing-library/preact';
import type * as Preact from 'preact';
import { renderToString } from 'preact-render-to-string';
import { afterEach, describe, expect, it, vi } from 'vitest';
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
});

describe('the popup starting', () => {
  it('sends its start message before it hydrates the prerendered field', async () => {
    globals.chrome = {
      runtime: { sendMessage: (message: { type: string }) => void happened.push(`sent ${message.type}`) },
    };
    const root = document.createElement('div');
    // popup.html as the build writes it: App's first render in the root.
    root.append(...new DOMParser().parseFromString(renderToString(<App />), 'text/html').body.childNodes);
    document.body.append(root);
    await startPopup(root);
    expect(happened).toEqual(['sent popupStart', 'hydrated']);
    expect(screen.getAllByLabelText('Key hash')).toHaveLength(1);
  });
});
