import { browser } from 'wxt/browser';

const NOTIFICATIONS = { permissions: ['notifications' as const] };

/** Whether desktop notifications are allowed now (the user can revoke them at any time). */
export async function hasNotifications(): Promise<boolean> {
  try {
    return await browser.permissions.contains(NOTIFICATIONS);
  } catch {
    return false;
  }
}

/** Asks for the optional `notifications` permission; must run from a click (the browser asks). */
export async function requestNotifications(): Promise<boolean> {
  try {
    return await browser.permissions.request(NOTIFICATIONS);
  } catch {
    return false;
  }
}
