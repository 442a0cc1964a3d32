import type { HandlersOf } from '../../messaging/background/handler';
import type { watchContract } from '../contract';
import {
  checkNow,
  getAlertSettings,
  listWatched,
  saveAlertSettings,
  unwatchKey,
  watchKey,
  watchStatus,
} from './service';

export const watchHandlers = {
  watchStatus: { answer: watchStatus },
  watch: { answer: watchKey },
  unwatch: { answer: unwatchKey },
  watchlist: { answer: listWatched },
  checkWatched: { answer: checkNow },
  getAlertSettings: { answer: getAlertSettings },
  saveAlertSettings: { answer: saveAlertSettings },
} satisfies HandlersOf<typeof watchContract>;
