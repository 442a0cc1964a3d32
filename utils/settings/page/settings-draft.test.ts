import { describe, expect, it } from 'vitest';
import type { SettingsView } from '@/utils/settings/views';
import { DEFAULT_SETTINGS } from '@/utils/settings/settings';
import { type SettingsDraft, draftFrom, isDirty, newAccountDraft, toSaveRequest } from './settings-draft';

const LOCAL = 'http://127.0.0.1:8787/api/v1';
const saved: SettingsView = {
  ...DEFAULT_SETTINGS,
  accounts: [
    { id: 'prod', name: 'Production', baseUrl: LOCAL, keyLast4: '4680' },
    { id: 'stage', name: 'Staging', baseUrl: 'http://127.0.0.1:8788/api/v1', keyLast4: '9b1d' },
  ],
};
const clean = draftFrom(saved);
const withAccount = (index: number, patch: object): SettingsDraft => ({
  ...clean,
  accounts: clean.accounts.map((a, i) => (i === index ? { ...a, ...patch } : a)),
});

describe('settings draft', () => {
  it('opens on the saved values, every account with its key field empty', () => {
    expect(clean).toEqual({
      accounts: [
        { draftId: 'prod', id: 'prod', name: 'Production', key: '', baseUrl: LOCAL },
        { draftId: 'stage', id: 'stage', name: 'Staging', key: '', baseUrl: 'http://127.0.0.1:8788/api/v1' },
      ],
      timeoutSeconds: '10',
      cacheSeconds: '60',
      bulkConcurrency: '4',
      forgetKeyOnClose: false,
      historyEnabled: true,
    });
    expect(isDirty(clean, saved)).toBe(false);
  });

  it.each<[string, SettingsDraft]>([
    ['a typed key', withAccount(1, { key: 'sk-mg-new' })],
    ['another base URL', withAccount(0, { baseUrl: 'https://modelgates.ai/api/v1' })],
    ['another name', withAccount(1, { name: 'Stage' })],
    ['an added account', { ...clean, accounts: [...clean.accounts, newAccountDraft('new-1')] }],
    ['a dropped account', { ...clean, accounts: clean.accounts.slice(1) }],
    ['another timeout', { ...clean, timeoutSeconds: '20' }],
    ['an emptied cache field', { ...clean, cacheSeconds: '' }],
    ['another number of lookups at once', { ...clean, bulkConcurrency: '2' }],
    ['a ticked check box', { ...clean, forgetKeyOnClose: true }],
    ['an unticked check box', { ...clean, historyEnabled: false }],
  ])('counts %s as unsaved', (_, draft) => {
    expect(isDirty(draft, saved)).toBe(true);
  });

  it('sends every field of every account at once, a key only when one was typed, and no id for a new account', () => {
    const draft = {
      ...withAccount(1, { key: 'sk-mg-new' }),
      accounts: [...withAccount(1, { key: 'sk-mg-new' }).accounts],
    };
    draft.accounts.push({ ...newAccountDraft('new-1'), name: 'Client', key: 'sk-mg-client' });
    expect(toSaveRequest(draft)).toEqual({
      accounts: [
        { id: 'prod', name: 'Production', baseUrl: LOCAL },
        { id: 'stage', name: 'Staging', baseUrl: 'http://127.0.0.1:8788/api/v1', managementKey: 'sk-mg-new' },
        { name: 'Client', baseUrl: 'https://modelgates.ai/api/v1', managementKey: 'sk-mg-client' },
      ],
      timeoutSeconds: 10,
      cacheSeconds: 60,
      bulkConcurrency: 4,
      forgetKeyOnClose: false,
      historyEnabled: true,
    });
  });

  it.each([
    ['', null],
    ['  ', null],
    ['abc', null],
    ['0', 0],
    ['2.5', 2.5],
  ])('reads the number field %j as %d, so the worker refuses what is not a number', (text, expected) => {
    expect(toSaveRequest({ ...clean, timeoutSeconds: text }).timeoutSeconds).toBe(expected);
  });
});
