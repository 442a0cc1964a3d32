import { browser, type Browser } from 'wxt/browser';
import { readAlertSettings, readWatchlist } from './watchlist';
import { checkWatched } from './check';

export const WATCH_ALARM = 'check-watched-keys';

/**
 * Keeps the periodic check's alarm as the settings say: there while keys are watched, at the
 * chosen interval; gone when none are (nothing then wakes the worker for nothing). An alarm that is
 * already right is left alone, so a worker restart does not push the next check back.
 */
export async function ensureWatchAlarm(): Promise<void> {
  const [list, settings, alarm] = await Promise.all([
    readWatchlist(),
    readAlertSettings(),
    browser.alarms.get(WATCH_ALARM),
  ]);
  if (list.length === 0) {
    if (alarm) await browser.alarms.clear(WATCH_ALARM);
    return;
  }
  const period = settings.intervalMinutes;
  if (alarm?.periodInMinutes === period) return;
  await browser.alarms.create(WATCH_ALARM, { delayInMinutes: period, periodInMinutes: period });
}

export function onAlarm(alarm: Browser.alarms.Alarm): Promise<unknown> {
  return alarm.name === WATCH_ALARM ? checkWatched() : Promise.resolve();
}
