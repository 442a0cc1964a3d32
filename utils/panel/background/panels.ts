import { browser, type Browser } from 'wxt/browser';
import { isOwnPageSender } from '../../messaging/sender';
import { type PanelPush, windowOfPort } from '../port-protocol';

/** The side panel's page: only it may hold a panel's port. */
const PANEL_PAGE = '/sidepanel.html';

/**
 * The open side panels, by window. A panel connects a port named with its window's id as it opens
 * (utils/panel/page/panel-port.ts); the browser disconnects it when the panel closes, and the
 * worker forgets it then. A worker that stops drops every port: each panel connects again at once,
 * which starts the worker again, so the map is whole whenever a right-click can ask it.
 */
const panels = new Map<number, Set<Browser.runtime.Port>>();

/** What a panel gets as soon as it connects (its stack), set by the stack's own module. */
let greet: (port: Browser.runtime.Port) => void = () => undefined;

/** Listens for panels connecting; `onConnect` sends each what it shows first. */
export function listenToPanels(onConnect: (port: Browser.runtime.Port) => void): void {
  greet = onConnect;
  browser.runtime.onConnect.addListener(accept);
}

function accept(port: Browser.runtime.Port): void {
  const windowId = windowOfPort(port.name);
  if (windowId === null) return;
  if (!isPanelSender(port.sender)) {
    port.disconnect();
    return;
  }
  const open = panels.get(windowId) ?? new Set();
  panels.set(windowId, open.add(port));
  port.onDisconnect.addListener(() => {
    open.delete(port);
    if (open.size === 0 && panels.get(windowId) === open) panels.delete(windowId);
  });
  greet(port);
}

function isPanelSender(sender: Browser.runtime.MessageSender | undefined): boolean {
  if (!sender?.url) return false;
  const self = { id: browser.runtime.id, rootUrl: browser.runtime.getURL('/popup.html') };
  return isOwnPageSender(sender, self) && new URL(sender.url).pathname === PANEL_PAGE;
}

/** Whether a side panel is open in this window: known at once, with no await. */
export function isPanelOpenIn(windowId: number | undefined): boolean {
  return windowId !== undefined && (panels.get(windowId)?.size ?? 0) > 0;
}

/** Sends the panels of one window what they have to show. */
export function postToWindow(windowId: number, push: PanelPush): void {
  for (const port of panels.get(windowId) ?? []) post(port, push);
}

/** Sends every open panel what they have to show. */
export function postToAll(push: PanelPush): void {
  for (const open of panels.values()) for (const port of open) post(port, push);
}

export function post(port: Browser.runtime.Port, push: PanelPush): void {
  try {
    port.postMessage(push);
  } catch {
    // The panel closed in the meantime: its disconnect takes it out of the map.
  }
}
