import { setLookupMenu } from '../../lookup/background/context-menu';
import { kept } from '../../storage/background/items';
import { change, changeKept, readKept } from '../../storage/background/memory';
import { DEFAULT_PANEL_SETTINGS, type PanelSettings, type RightClickIn } from '../settings';

/** The side panel's settings, with the default for anything a damaged record lacks. */
export async function readPanelSettings(): Promise<PanelSettings> {
  const stored = await readKept(kept.panelSettings);
  return stored?.rightClickIn === 'panel' ? { rightClickIn: 'panel' } : DEFAULT_PANEL_SETTINGS;
}

/** Saves where right-click lookups show, and sets up "Look up key hash" to match (its id says it). */
export async function savePanelSettings(rightClickIn: RightClickIn): Promise<PanelSettings> {
  const settings: PanelSettings = { rightClickIn };
  await changeKept(change(kept.panelSettings, () => settings));
  await setLookupMenu(rightClickIn);
  return settings;
}

/** The context menu as installed: "Look up key hash" set up for where right-click lookups show. */
export async function rightClickIn(): Promise<RightClickIn> {
  return (await readPanelSettings()).rightClickIn;
}
