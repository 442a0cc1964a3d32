import type { HandlersOf } from '../../messaging/background/handler';
import type { lockContract } from '../contract';
import { lockNow, lockView } from './lock-state';
import {
  changePassphrase,
  removeSavedKeys,
  saveLockSettings,
  turnOffLock,
  turnOnLock,
  unlock,
} from './passphrase-service';

// No reply carries the passphrase, the key derived from it, or a management key: only the lock's
// view (utils/lock/views.ts) or why nothing changed.
export const lockHandlers = {
  lockStatus: { answer: async () => ({ ok: true, lock: await lockView() }) },
  unlock: { answer: ({ passphrase }) => unlock(passphrase) },
  lockNow: {
    answer: async () => {
      await lockNow();
      return { ok: true, lock: await lockView() };
    },
  },
  turnOnLock: { answer: ({ passphrase }) => turnOnLock(passphrase) },
  turnOffLock: { answer: ({ passphrase, to }) => turnOffLock(passphrase, to) },
  changePassphrase: { answer: ({ current, next }) => changePassphrase(current, next) },
  removeSavedKeys: { answer: removeSavedKeys },
  saveLockSettings: { answer: saveLockSettings },
} satisfies HandlersOf<typeof lockContract>;
