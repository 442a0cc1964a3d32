import type { KeyHash } from '../hash-input';
import type { StackCard } from './stack';

// An open side panel keeps a port to the worker, named with its window's id: the worker knows which
// windows have a panel open from the ports it holds (a port closes with its page), and sends each
// panel what it has to show over it.

const PREFIX = 'side-panel:';

/** The port name of a panel in this window. */
export function panelPortName(windowId: number): string {
  return `${PREFIX}${windowId}`;
}

/** The window a port name says its panel is in; null when it is not a panel's port name. */
export function windowOfPort(name: string): number | null {
  const digits = name.startsWith(PREFIX) ? name.slice(PREFIX.length) : '';
  if (!/^\d{1,15}$/.test(digits)) return null;
  return Number(digits);
}

/** What the worker sends a panel. */
export type PanelPush =
  /** The whole stack, newest first: when the panel connects and whenever it changes. */
  | { kind: 'stack'; cards: StackCard[] }
  /** A right-click lookup in this panel's window has started (hash null: the selection held none);
   * the panel asks for it with `panelTakeLookup`. */
  | { kind: 'rightClick'; hash: KeyHash | null };
