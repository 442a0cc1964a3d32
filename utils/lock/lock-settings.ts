import { MINUTE_MS } from '../time';

/** The choices of "Lock after a time without use", in minutes; 0 is "Never". */
export const AUTO_LOCK_CHOICES = [15, 60, 240, 480, 0] as const;
export type AutoLockMinutes = (typeof AUTO_LOCK_CHOICES)[number];

/** How the lock locks by itself (the options' "Lock" section). */
export interface LockSettings {
  /** After this long without a lookup; 0 never. */
  autoLockMinutes: AutoLockMinutes;
  /** When the computer's screen locks (the `idle` API). */
  lockWithComputer: boolean;
}

export const DEFAULT_LOCK_SETTINGS: LockSettings = { autoLockMinutes: 60, lockWithComputer: false };

export function isAutoLockChoice(value: unknown): value is AutoLockMinutes {
  return AUTO_LOCK_CHOICES.some((choice) => choice === value);
}

/** "15 minutes", "1 hour", "8 hours", "Never". */
export function autoLockLabel(minutes: AutoLockMinutes): string {
  if (minutes === 0) return 'Never';
  if (minutes < 60) return `${minutes} minutes`;
  const hours = minutes / 60;
  return `${hours} ${hours === 1 ? 'hour' : 'hours'}`;
}

/** When the vault locks itself after the last use; null when it never does. */
export function autoLockAt(lastUsed: Date, minutes: AutoLockMinutes): Date | null {
  return minutes === 0 ? null : new Date(lastUsed.getTime() + minutes * MINUTE_MS);
}

/** Whether the time without use has run out at `now`. */
export function isAutoLockDue(lastUsed: Date, minutes: AutoLockMinutes, now: Date): boolean {
  const at = autoLockAt(lastUsed, minutes);
  return at !== null && now.getTime() >= at.getTime();
}
