import { hydrate, render } from 'preact';
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
 * mounts. The messenger sends a message a microtask after it is asked, and mounting is
 * synchronous and takes milliseconds, so mounting waits one microtask more: the message leaves
 * first and the worker answers while the popup hydrates.
 */
export function startPopup(root: HTMLElement): Promise<void> {
  const started = askWorker('popupStart');
  return Promise.resolve().then(() => mountPopup(root, started));
}
