import type { Browser } from 'wxt/browser';
import { AUTO_LOCK_ALARM, lockIfUnused, type LockEffects, setLockEffects, watchComputerLock } from './lock-state';
import { isVaultOn } from './vault';

/** The lock's part of the worker's start, run synchronously: its effects and the computer's state. */
export function startLock(effects: LockEffects): void {
  setLockEffects(effects);
  watchComputerLock();
}

/**
 * After the start's reads: a time without use that ran out while the worker was stopped locks
 * now, and the toolbar says whether it is locked (a new browser session starts locked).
 */
export async function lockOnStart(paint: () => Promise<void>): Promise<void> {
  if (!(await isVaultOn())) return;
  await lockIfUnused(new Date());
  await paint();
}

export function onLockAlarm(alarm: Browser.alarms.Alarm): Promise<void> {
  return alarm.name === AUTO_LOCK_ALARM ? lockIfUnused(new Date()) : Promise.resolve();
}
