import { DEFAULT_THRESHOLDS, normalizeThresholds } from './watch-alerts';

/** How the watched keys are checked and how alerts reach the user (the options' "Alerts"). */
export interface AlertSettings {
  /** Percentages of the limit, 1–100, each once, in order. */
  thresholds: number[];
  /** Minutes between two periodic checks of the watched keys. */
  intervalMinutes: number;
  /** Also show a desktop notification (needs the optional `notifications` permission). */
  notify: boolean;
}

export const DEFAULT_INTERVAL_MINUTES = 30;
export const MIN_INTERVAL_MINUTES = 5;
export const MAX_INTERVAL_MINUTES = 24 * 60;
/** More thresholds than this say nothing the user can act on. */
export const MAX_THRESHOLDS = 5;

export const DEFAULT_ALERT_SETTINGS: AlertSettings = {
  thresholds: [...DEFAULT_THRESHOLDS],
  intervalMinutes: DEFAULT_INTERVAL_MINUTES,
  notify: false,
};

/** The thresholds as the options field shows them: "80, 100". */
export const thresholdsText = (thresholds: readonly number[]) => thresholds.join(', ');

/** What the options page sends: the thresholds as typed, the interval as a number or null. */
export interface AlertSettingsInput {
  thresholds: string;
  intervalMinutes: number | null;
  notify: boolean;
}

export type AlertField = 'thresholds' | 'intervalMinutes';

export type AlertSettingsCheck =
  { ok: true; settings: AlertSettings } | { ok: false; errors: Partial<Record<AlertField, string>> };

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
  return { ok: true, settings: { thresholds, intervalMinutes: minutes, notify: input.notify } };
}
