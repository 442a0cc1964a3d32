/** Where a right-click "Look up key hash" shows its card while no side panel is open in that window. */
export type RightClickIn = 'popup' | 'panel';

/** The side panel's own settings (the options page's "Side panel" section). */
export interface PanelSettings {
  rightClickIn: RightClickIn;
}

/** As today: the popup, unless the user chooses the side panel. */
export const DEFAULT_PANEL_SETTINGS: PanelSettings = { rightClickIn: 'popup' };

/** Chromium's command that opens the side panel; Firefox has its own, `_execute_sidebar_action`.
 * Neither has a suggested key: the user sets one on the browser's shortcut page if they want it. */
export const OPEN_PANEL_COMMAND = 'open-side-panel';

/** "Look up key hash" while right-click lookups show in the popup, and while they open the panel.
 * The menu item's id says which, so that the click's handler knows before any await: opening the
 * side panel needs the click's user gesture, which the first await ends. */
export const LOOKUP_MENU_IDS: Record<RightClickIn, string> = {
  popup: 'lookup-selection',
  panel: 'lookup-selection-in-panel',
};

/** Which way a "Look up key hash" menu item was set up; null for any other item. */
export function rightClickInOf(menuItemId: string | number): RightClickIn | null {
  if (menuItemId === LOOKUP_MENU_IDS.popup) return 'popup';
  if (menuItemId === LOOKUP_MENU_IDS.panel) return 'panel';
  return null;
}
