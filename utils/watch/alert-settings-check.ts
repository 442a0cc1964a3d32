import {
  DEFAULT_INTERVAL_MINUTES,
  MAX_INTERVAL_MINUTES,
  MAX_THRESHOLDS,
  MIN_INTERVAL_MINUTES,
  type AlertField,
  type AlertSettings,
  type AlertSettingsCheck,
  type AlertSettingsInput,
} from './alert-settings';
import { DEFAULT_THRESHOLDS, normalizeThresholds } from './alerts';

export const DEFAULT_ALERT_SETTINGS: AlertSettings = {
  thresholds: [...DEFAULT_THRESHOLDS],
  intervalMinutes: DEFAULT_INTERVAL_MINUTES,
  notify: false,
  paceAlert: true,
};

/** Checks the section's fields; each refusal is said beside its field. */
export function checkAlertSettings(input: AlertSettingsInput): AlertSettingsCheck {
  const errors: Partial<Record<AlertField, string>> = {};
  const parts = input.thresholds
    .split(/[,\s]+/)
    .map((part) => part.replace(/%$/, ''))
    .filter((part) => part !== '');
  const numbers = parts.map(Number);
  const thresholds = normalizeThresholds(numbers);
  if (parts.length === 0) errors.thresholds = 'Enter at least one percentage, e.g. 80, 100.';
  else if (thresholds.length !== new Set(numbers).size)
    errors.thresholds = 'Each threshold must be a whole percentage from 1 to 100.';
  else if (thresholds.length > MAX_THRESHOLDS) errors.thresholds = `At most ${MAX_THRESHOLDS} thresholds.`;
  const minutes = input.intervalMinutes;
  if (
    minutes === null ||
    !Number.isInteger(minutes) ||
    minutes < MIN_INTERVAL_MINUTES ||
    minutes > MAX_INTERVAL_MINUTES
  )
    errors.intervalMinutes = `Enter whole minutes from ${MIN_INTERVAL_MINUTES} to ${MAX_INTERVAL_MINUTES} (24 hours).`;
  if (Object.keys(errors).length > 0 || minutes === null) return { ok: false, errors };
  return {
    ok: true,
    settings: { thresholds, intervalMinutes: minutes, notify: input.notify, paceAlert: input.paceAlert },
  };
}
