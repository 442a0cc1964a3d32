import type { HandlersOf } from '../../messaging/background/handler';
import type { lookupContract } from '../contract';
import { clearHistory } from './history';
import { completeLookup, lookUp, readHistoryAfterLookups } from './lookup-service';
import { popupStart } from './popup-start';
import { withWatching } from '../../watch/background/watching';

export const lookupHandlers = {
  lookup: {
    answer: ({ hash, allowCached }) => withWatching(lookUp(hash, 'popup', { allowCached: allowCached ?? false })),
  },
  completeLookup: { answer: ({ hash }) => withWatching(completeLookup(hash)) },
  popupStart: { answer: popupStart },
  history: { answer: async () => ({ ok: true, entries: await readHistoryAfterLookups() }) },
  clearHistory: {
    answer: async () => {
      await clearHistory();
      return { ok: true, entries: [] };
    },
  },
} satisfies HandlersOf<typeof lookupContract>;
