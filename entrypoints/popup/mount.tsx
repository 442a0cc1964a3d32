import { hydrate, render } from 'preact';
import { afterFirstFrame } from '@/utils/lookup/page/first-frame';
import { holdSubmits } from '@/utils/lookup/page/held-submit';
import { askWorker, type WorkerReply } from '@/utils/messaging/page/worker-client';
import { App } from './App';

/**
 * Puts the popup in `root`. The build writes the popup's first render into popup.html
 * (scripts/build/popup-shell.ts), so the field may have taken keys before this ran: the render
 * takes over that HTML as it is (hydrate), and keeps what was typed. Without it (`wxt dev`), it
 * renders from nothing.
 */
export function mountPopup(root: HTMLElement, started: Promise<WorkerReply<'popupStart'>>): void {
  const field = root.querySelector<HTMLInputElement>('#hash');
  if (field) hydrate(<App started={started} typed={field.value} />, root);
  else render(<App started={started} />, root);
}

/**
 * Starts the popup: asks the worker for its start (history, watched keys, last lookup), then
 * mounts. The message leaves first (the messenger sends it a microtask after it is asked, and
 * mounting waits longer), and the worker answers while the popup hydrates. Hydrating takes a few
 * milliseconds: it waits until the prerendered field has been painted and a key pressed meanwhile
 * has been handled (afterFirstFrame). An Enter pressed before then is held, and looked up once the
 * popup has taken the form over (holdSubmits).
 */
export function startPopup(root: HTMLElement): Promise<void> {
  const started = askWorker('popupStart');
  const release = holdSubmits(root);
  return afterFirstFrame(root.querySelector('#hash')).then(() => {
    mountPopup(root, started);
    release();
  });
}
