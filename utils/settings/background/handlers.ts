import { areSavedAccounts } from '../../accounts/background/saved-accounts';
import type { HandlersOf } from '../../messaging/background/handler';
import type { settingsContract } from '../contract';
import { getSettingsView, saveSettings } from './settings-service';

export const settingsHandlers = {
  getSettings: { answer: async () => ({ ok: true, settings: await getSettingsView() }) },
  saveSettings: {
    // Every saved account is sent back, by its id; new ones come without one.
    accepts: ({ accounts }) =>
      areSavedAccounts(
        accounts.flatMap((a) => (a.id ? [a.id] : [])),
        'all',
      ),
    answer: saveSettings,
  },
} satisfies HandlersOf<typeof settingsContract>;
