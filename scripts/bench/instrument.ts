// What the bench records inside the extension's pages: an init script, installed in every page
// before the page's own scripts, that stamps (in performance.now() ms) when "Key hash" could take
// text, and each step from Enter to the new card painted.
// Runs under plain `node`: erasable TypeScript only.
import type { Page } from 'playwright-core';
import { chromeInitScript, type ExtensionApi } from '../lib/extension-session.ts';

/** What the init script records in every page, in performance.now() ms (since navigation start). */
export interface Stamps {
  /** "Key hash" received focus. */
  focusedAt: number | null;
  /** The first task after that focus ran with the field still focused and editable. */
  readyAt: number | null;
  /** The history list (or its empty note) first appeared. */
  historyAt: number | null;
  /** `#app` first held something: the popup's prerendered HTML as it was parsed, or a first render. */
  renderedAt: number | null;
  /** The first message the page sent (the popup's start message), and its reply. */
  firstSentAt: number | null;
  firstRepliedAt: number | null;
  /** The latest Enter keydown, capture phase: before the page's own handlers. */
  enterAt: number | null;
  /** The first message the page sent to the worker after that Enter, and its reply. */
  sentAt: number | null;
  repliedAt: number | null;
  /** The new card (or alert) was first seen in the DOM. */
  insertedAt: number | null;
  /** The animation frame that paints it began (its requestAnimationFrame callback ran). */
  frameAt: number | null;
  /** A task after that frame: style, layout and paint of the new element are done. */
  outcomeAt: number | null;
  /** The type of every message the page sent from Enter until the card was painted. */
  sentTypes: string[];
  /** "card", or the alert's words. */
  outcome: string | null;
  /** The card said "Refreshing…" when it appeared: it came from the cache. */
  cached: boolean;
  pending: boolean;
}

/**
 * The init script, installed before any page script (addInitScript). Sent as text, so `stampPage`
 * must not refer to anything outside itself.
 */
export const instrument = chromeInitScript(stampPage);

function stampPage(chrome: Partial<ExtensionApi> | undefined): void {
  const state: Stamps = {
    focusedAt: null,
    readyAt: null,
    historyAt: null,
    renderedAt: null,
    firstSentAt: null,
    firstRepliedAt: null,
    enterAt: null,
    sentAt: null,
    repliedAt: null,
    insertedAt: null,
    frameAt: null,
    outcomeAt: null,
    sentTypes: [],
    outcome: null,
    cached: false,
    pending: false,
  };
  Object.defineProperty(window, '__bench', { value: state });
  const OUTCOME = 'article[aria-label="Key details"], [role="alert"]';

  /** Runs `then` in the first task after the current one: the point where an input event could be handled. */
  const afterThisTask = (then: () => void) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = then;
    channel.port2.postMessage(null);
  };

  document.addEventListener(
    'focusin',
    (event) => {
      const field = event.target;
      if (state.focusedAt !== null || !(field instanceof HTMLInputElement) || field.id !== 'hash') return;
      state.focusedAt = performance.now();
      afterThisTask(() => {
        if (document.activeElement !== field || field.disabled || field.readOnly) return;
        state.readyAt = performance.now();
        // User-timing marks are all a trace (trace.ts) needs to find these moments in its own clock.
        performance.mark('bench:ready');
      });
    },
    true,
  );

  window.addEventListener(
    'keydown',
    (event) => {
      if (event.key !== 'Enter') return;
      // Whatever is shown now is the previous outcome; only a new element counts.
      document.querySelectorAll(OUTCOME).forEach((element) => element.setAttribute('data-bench-stale', ''));
      // No frame counter here: a running requestAnimationFrame loop would itself pin frames to
      // the display's beat, and make every card wait for it.
      performance.mark('bench:enter');
      Object.assign(state, {
        enterAt: performance.now(),
        sentAt: null,
        repliedAt: null,
        insertedAt: null,
        frameAt: null,
        outcomeAt: null,
        sentTypes: [],
        outcome: null,
        cached: false,
        pending: false,
      });
    },
    true,
  );

  new MutationObserver(() => {
    if (state.renderedAt === null && document.getElementById('app')?.firstElementChild)
      state.renderedAt = performance.now();
    if (state.historyAt === null && document.querySelector('.history, .history__empty'))
      state.historyAt = performance.now();
    if (state.enterAt === null || state.pending || state.outcomeAt !== null) return;
    const fresh = Array.from(document.querySelectorAll(OUTCOME)).find(
      (element) => !element.hasAttribute('data-bench-stale'),
    );
    if (!fresh) return;
    const enterAt = state.enterAt;
    state.pending = true;
    state.insertedAt = performance.now();
    state.outcome = fresh.matches('article') ? 'card' : (fresh.textContent ?? '').trim();
    state.cached = (document.querySelector('.popup-result')?.textContent ?? '').includes('Refreshing…');
    // The frame that paints the new element starts with this callback; the task after it runs
    // once that frame has been produced.
    requestAnimationFrame(() => {
      if (state.enterAt === enterAt) state.frameAt = performance.now();
      afterThisTask(() => {
        if (state.enterAt !== enterAt) return;
        state.outcomeAt = performance.now();
        performance.mark('bench:painted');
      });
    });
  }).observe(document, { childList: true, subtree: true, characterData: true });

  // The popup talks to the worker through chrome.runtime.sendMessage with a callback (the
  // messaging library's Chrome path); wrapping it shows how long the worker took to answer.
  type Send = (...args: unknown[]) => unknown;
  const runtime = chrome?.runtime as { sendMessage?: Send } | undefined;
  const send = runtime?.sendMessage;
  if (runtime && send) {
    runtime.sendMessage = function (this: unknown, ...args: unknown[]) {
      const enterAt = state.enterAt;
      if (enterAt !== null && state.outcomeAt === null) {
        const message = args.find((arg) => typeof arg === 'object' && arg !== null) as { type?: unknown } | undefined;
        state.sentTypes.push(String(message?.type ?? '?'));
      }
      const first = state.firstSentAt === null;
      if (first) state.firstSentAt = performance.now();
      const afterEnter = enterAt !== null && state.sentAt === null;
      if (!first && !afterEnter) return send.apply(this, args);
      if (afterEnter) state.sentAt = performance.now();
      const last = args.at(-1);
      const stamp = () => {
        if (first && state.firstRepliedAt === null) state.firstRepliedAt = performance.now();
        if (afterEnter && state.enterAt === enterAt) state.repliedAt = performance.now();
      };
      if (typeof last === 'function') {
        args[args.length - 1] = (...reply: unknown[]) => {
          stamp();
          return (last as Send)(...reply);
        };
        return send.apply(this, args);
      }
      const result = send.apply(this, args);
      if (result instanceof Promise) result.then(stamp, stamp);
      return result;
    };
  }
}

export async function stamps(page: Page): Promise<Stamps> {
  return page.evaluate(() => (window as unknown as { __bench: Stamps }).__bench);
}
