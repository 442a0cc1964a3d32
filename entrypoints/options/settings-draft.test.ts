import { describe, expect, it } from 'vitest';
import type { SettingsView } from '@/utils/messaging/protocol';
import { DEFAULT_SETTINGS } from '@/utils/settings';
import { type SettingsDraft, draftFrom, isDirty, toSaveRequest } from './settings-draft';

const saved: SettingsView = {
  ...DEFAULT_SETTINGS,
  baseUrl: 'http://127.0.0.1:8787/api/v1',
  keySaved: true,
  keyLast4: '4680',
};
const clean = draftFrom(saved);

describe('settings draft', () => {
  it('opens on the saved values, with the key field empty', () => {
    expect(clean).toEqual({
      connection: { key: '', baseUrl: 'http://127.0.0.1:8787/api/v1' },
      timeoutSeconds: '10',
      cacheSeconds: '60',
      forgetKeyOnClose: false,
      historyEnabled: true,
    });
    expect(isDirty(clean, saved)).toBe(false);
  });

  it.each<[string, SettingsDraft]>([
    ['a typed key', { ...clean, connection: { ...clean.connection, key: 'sk-mg-new' } }],
    ['another base URL', { ...clean, connection: { ...clean.connection, baseUrl: 'https://modelgates.ai/api/v1' } }],
    ['another timeout', { ...clean, timeoutSeconds: '20' }],
    ['an emptied cache field', { ...clean, cacheSeconds: '' }],
    ['a ticked check box', { ...clean, forgetKeyOnClose: true }],
    ['an unticked check box', { ...clean, historyEnabled: false }],
  ])('counts %s as unsaved', (_, draft) => {
    expect(isDirty(draft, saved)).toBe(true);
  });

  it('sends every field at once, and the key only when one was typed', () => {
    expect(toSaveRequest(clean)).toEqual({
      baseUrl: 'http://127.0.0.1:8787/api/v1',
      timeoutSeconds: 10,
      cacheSeconds: 60,
      forgetKeyOnClose: false,
      historyEnabled: true,
    });
    const typed = { ...clean, connection: { ...clean.connection, key: 'sk-mg-new' } };
    expect(toSaveRequest(typed).managementKey).toBe('sk-mg-new');
  });

  it.each([
    ['', Number.NaN],
    ['  ', Number.NaN],
    ['abc', Number.NaN],
    ['0', 0],
    ['2.5', 2.5],
  ])('reads the number field %j as %d, so the worker refuses what is not a number', (text, expected) => {
    expect(toSaveRequest({ ...clean, timeoutSeconds: text }).timeoutSeconds).toBe(expected);
  });
});
