import type { Settings } from './settings';

/** What a page may know of an account: never its management key, at most the key's last 4. */
export interface AccountView {
  id: string;
  name: string;
  baseUrl: string;
  /** null when no key is saved for it. */
  keyLast4: string | null;
}

/** What a page may know about the settings. The worker maps the stored settings to this. */
export interface SettingsView extends Omit<Settings, 'accounts'> {
  accounts: AccountView[];
}
