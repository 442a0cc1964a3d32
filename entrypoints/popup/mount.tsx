import { hydrate, render } from 'preact';
import type { WorkerReply } from '@/utils/messaging/page/worker-client';
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
