/** Lengths of time in milliseconds, as `Date#getTime` counts them. */
export const SECOND_MS = 1000;
export const MINUTE_MS = 60 * SECOND_MS;
export const HOUR_MS = 60 * MINUTE_MS;
/** A UTC day: the API's limits reset on UTC days, which have no daylight-saving changes. */
export const DAY_MS = 24 * HOUR_MS;
