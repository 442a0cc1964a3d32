/**
 * How the watched keys are checked and how alerts reach the user (the options' "Alerts"). The
 * options page reads only this file; the check and the defaults (which need the alert rules) are
 * in alert-settings-check.ts, so the pages' bundles stay without the rules.
 */
export interface AlertSettings {
  /** Percentages of the limit, 1–100, each once, in order. */
  thresholds: number[];
  /** Minutes between two periodic checks of the watched keys. */
  intervalMinutes: number;
  /** Also show a desktop notification (needs the optional `notifications` permission). */
  notify: boolean;
  /** Alert when a key is on pace to reach its limit before the reset (on by default). */
  paceAlert: boolean;
}

export const DEFAULT_INTERVAL_MINUTES = 30;
export const MIN_INTERVAL_MINUTES = 5;
export const MAX_INTERVAL_MINUTES = 24 * 60;
/** More thresholds than this say nothing the user can act on. */
export const MAX_THRESHOLDS = 5;

/** The thresholds as the options field shows them: "80, 100". */
export const thresholdsText = (thresholds: readonly number[]) => thresholds.join(', ');

/** What the options page sends: the thresholds as typed, the interval as a number or null. */
export interface AlertSettingsInput {
  thresholds: string;
  intervalMinutes: number | null;
  notify: boolean;
  paceAlert: boolean;
}

export type AlertField = 'thresholds' | 'intervalMinutes';

export type AlertSettingsCheck =
  { ok: true; settings: AlertSettings } | { ok: false; errors: Partial<Record<AlertField, string>> };
