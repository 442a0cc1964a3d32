import { browser } from 'wxt/browser';
import { kept, readSettings } from '../../storage/background/items';
import { change, changeKept, readKept } from '../../storage/background/memory';
import { nextTryAt } from '../backoff';
import { autoLockAt, isAutoLockDue } from '../lock-settings';
import type { LockView } from '../views';
import { closeVault, LOCKED, readVaultRecord, vaultKeys } from './vault';

/** The alarm that locks the vault after the chosen time without use. */
export const AUTO_LOCK_ALARM = 'auto-lock';
/** A use is written down at most this often: the auto-lock may come this much early, never late. */
const USE_WRITE_MS = 30_000;

/** What locking and unlocking change elsewhere: the toolbar, the result cache, the watch check
 * (wired in entrypoints/background.ts, so that this feature imports none of them). */
export interface LockEffects {
  onLocked: () => Promise<void>;
  onUnlocked: () => Promise<void>;
}
let effects: LockEffects = { onLocked: async () => {}, onUnlocked: async () => {} };

export function setLockEffects(next: LockEffects): void {
  effects = next;
}

/** The lock as the pages may see it. */
export async function lockView(now = new Date()): Promise<LockView> {
  const [record, keys, settings, lockSettings, failures] = await Promise.all([
    readVaultRecord(),
    vaultKeys(),
    readSettings(),
    readKept(kept.lockSettings),
    readKept(kept.unlockFailures),
  ]);
  const on = record !== null || keys !== 'off';
  return {
    storage: on ? 'encrypted' : settings.forgetKeyOnClose ? 'memory' : 'plain',
    locked: keys === LOCKED,
    retryAt: on ? (nextTryAt(failures, now)?.toISOString() ?? null) : null,
    settings: lockSettings,
  };
}

/** Locks now: the derived key leaves memory and session storage; what was fetched with it goes too. */
export async function lockNow(): Promise<void> {
  await Promise.all([closeVault(), browser.alarms.clear(AUTO_LOCK_ALARM)]);
  await effects.onLocked();
}

/** The lock turned off, or its keys removed: no auto-lock any more, and the toolbar and cache as
 * after a lock. */
export async function lockRemoved(): Promise<void> {
  await browser.alarms.clear(AUTO_LOCK_ALARM);
  await effects.onLocked();
}

/** After an unlock (or the lock turned on): the time without use counts from now. */
export async function unlocked(now: Date): Promise<void> {
  await markUsed(now);
  await effects.onUnlocked();
}

/**
 * Someone used the extension (a page asked the worker, a right-click, the address bar). With the
 * vault open, a time without use that has run out locks it first (an alarm may come late after
 * the computer slept); otherwise the time counts again from now.
 */
export async function noteUse(now: Date): Promise<void> {
  const keys = await vaultKeys();
  if (keys === 'off' || keys === LOCKED) return;
  const [settings, last] = await Promise.all([readKept(kept.lockSettings), readKept(kept.lastUsed)]);
  if (last !== null && isAutoLockDue(new Date(last), settings.autoLockMinutes, now)) return lockNow();
  if (last !== null && now.getTime() - Date.parse(last) < USE_WRITE_MS) return;
  await markUsed(now);
}

async function markUsed(now: Date): Promise<void> {
  await changeKept(change(kept.lastUsed, () => now.toISOString()));
  await scheduleAutoLock(now);
}

/** Puts the auto-lock alarm where the settings and the last use say (none for "Never"). */
export async function scheduleAutoLock(lastUsed: Date): Promise<void> {
  const { autoLockMinutes } = await readKept(kept.lockSettings);
  const at = autoLockAt(lastUsed, autoLockMinutes);
  if (at === null) await browser.alarms.clear(AUTO_LOCK_ALARM);
  else await browser.alarms.create(AUTO_LOCK_ALARM, { when: at.getTime() });
}

/** The auto-lock alarm, or a worker start: locks when the time without use has run out. */
export async function lockIfUnused(now: Date): Promise<void> {
  const keys = await vaultKeys();
  if (keys === 'off' || keys === LOCKED) return;
  const [settings, last] = await Promise.all([readKept(kept.lockSettings), readKept(kept.lastUsed)]);
  const lastUsed = last === null ? now : new Date(last);
  if (isAutoLockDue(lastUsed, settings.autoLockMinutes, now)) await lockNow();
  else await scheduleAutoLock(lastUsed);
}

/**
 * The computer's state changed. Chromium says "locked" when the screen locks; Firefox never does
 * (it reports only "idle" and "active"), so there "idle" (5 minutes without input on the
 * computer, see `watchComputerLock`) stands in for it, as the options say.
 */
export async function onComputerState(state: string): Promise<void> {
  const { lockWithComputer } = await readKept(kept.lockSettings);
  if (!lockWithComputer || (await vaultKeys()) === 'off') return;
  if (state === 'locked' || (import.meta.env.FIREFOX && state === 'idle')) await lockNow();
}

/** Firefox's stand-in for a locked screen: this long without input on the computer. */
export const FIREFOX_IDLE_SECONDS = 300;

/** Listens to the computer's state, registered synchronously as the worker starts. */
export function watchComputerLock(): void {
  if (import.meta.env.FIREFOX) browser.idle.setDetectionInterval(FIREFOX_IDLE_SECONDS);
  browser.idle.onStateChanged.addListener((state) => void onComputerState(state));
}
