import type { HandlersOf } from '../../messaging/background/handler';
import { startLookup } from '../../lookup/background/lookup-service';
import { takeUnseenLookup } from '../../lookup/background/lookup-service';
import type { panelContract } from '../contract';
import { readPanelSettings, savePanelSettings } from './panel-settings';
import { followLookup } from './route';
import { clearStack, collapseCard } from './stack-store';
import { withWatching } from '../../watch/background/watching';

export const panelHandlers = {
  panelLookup: {
    answer: ({ hash, allowCached }) => {
      const lookup = startLookup(hash, 'panel', { allowCached: allowCached ?? false });
      followLookup(lookup);
      return withWatching(lookup.result);
    },
  },
  panelWake: { answer: async () => ({ ok: true }) },
  panelTakeLookup: { answer: async () => ({ ok: true, last: await takeUnseenLookup() }) },
  collapseStackCard: {
    answer: async ({ hash, collapsed }) => ({ ok: true, cards: await collapseCard(hash, collapsed) }),
  },
  clearStack: { answer: async () => ({ ok: true, cards: await clearStack() }) },
  getPanelSettings: { answer: async () => ({ ok: true, settings: await readPanelSettings() }) },
  savePanelSettings: {
    answer: async ({ rightClickIn }) => ({ ok: true, settings: await savePanelSettings(rightClickIn) }),
  },
} satisfies HandlersOf<typeof panelContract>;
