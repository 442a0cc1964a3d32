import { describe, expect, it } from 'vitest';
import type { AlertSettingsCheck, AlertSettingsInput } from './alert-settings';
import { checkAlertSettings } from './alert-settings-check';

const input = (patch: Partial<AlertSettingsInput>): AlertSettingsInput => ({
  thresholds: '80, 100',
  intervalMinutes: 30,
  notify: false,
  paceAlert: true,
  ...patch,
});
const saved = (thresholds: number[], intervalMinutes = 30, notify = false): AlertSettingsCheck => ({
  ok: true,
  settings: { thresholds, intervalMinutes, notify, paceAlert: true },
});
const refused = (errors: Record<string, string>): AlertSettingsCheck => ({ ok: false, errors });
const BETWEEN = 'Enter whole minutes from 5 to 1440 (24 hours).';

describe('checkAlertSettings', () => {
  it.each<[string, Partial<AlertSettingsInput>, AlertSettingsCheck]>([
    ['the defaults', {}, saved([80, 100])],
    ['percent signs and any order, each once', { thresholds: '100%, 50% 75, 50' }, saved([50, 75, 100])],
    ['spaces only between', { thresholds: ' 90 ' }, saved([90])],
    ['notifications on', { notify: true }, saved([80, 100], 30, true)],
    ['5 minutes, the shortest', { intervalMinutes: 5 }, saved([80, 100], 5)],
    ['24 hours, the longest', { intervalMinutes: 1440 }, saved([80, 100], 1440)],
    ['no threshold', { thresholds: ' , ' }, refused({ thresholds: 'Enter at least one percentage, e.g. 80, 100.' })],
    [
      'over 100',
      { thresholds: '80, 120' },
      refused({ thresholds: 'Each threshold must be a whole percentage from 1 to 100.' }),
    ],
    ['0', { thresholds: '0' }, refused({ thresholds: 'Each threshold must be a whole percentage from 1 to 100.' })],
    [
      'a fraction',
      { thresholds: '85.5' },
      refused({ thresholds: 'Each threshold must be a whole percentage from 1 to 100.' }),
    ],
    [
      'a word',
      { thresholds: 'eighty' },
      refused({ thresholds: 'Each threshold must be a whole percentage from 1 to 100.' }),
    ],
    ['six of them', { thresholds: '10, 20, 30, 40, 50, 60' }, refused({ thresholds: 'At most 5 thresholds.' })],
    ['4 minutes', { intervalMinutes: 4 }, refused({ intervalMinutes: BETWEEN })],
    ['25 hours', { intervalMinutes: 1500 }, refused({ intervalMinutes: BETWEEN })],
    ['an empty interval', { intervalMinutes: null }, refused({ intervalMinutes: BETWEEN })],
    ['a fractional interval', { intervalMinutes: 7.5 }, refused({ intervalMinutes: BETWEEN })],
    [
      'both wrong at once',
      { thresholds: '', intervalMinutes: 0 },
      refused({ thresholds: 'Enter at least one percentage, e.g. 80, 100.', intervalMinutes: BETWEEN }),
    ],
  ])('%s', (_, patch, expected) => {
    expect(checkAlertSettings(input(patch))).toEqual(expected);
  });
});
