// A client of the mock API's test-only control endpoint (server.ts: /__mock/keys/<hash>): what a
// browser test, the screenshots or the bench use to move a sample key's spend between two checks,
// over HTTP like any other client, never by reaching into the extension.
// Runs under plain `node` too: erasable TypeScript only.

/** Sets the fields that replace the sample's own in the mock's answers for `hash`. */
export async function setKeyFields(
  api: { origin: string; managementKey: string },
  hash: string,
  fields: Record<string, unknown>,
): Promise<void> {
  await control(api, hash, 'PUT', JSON.stringify(fields));
}

/** Back to the sample as it is. */
export async function clearKeyFields(api: { origin: string; managementKey: string }, hash: string): Promise<void> {
  await control(api, hash, 'DELETE');
}

async function control(api: { origin: string; managementKey: string }, hash: string, method: string, body?: string) {
  const response = await fetch(`${api.origin}/__mock/keys/${hash}`, {
    method,
    headers: { authorization: `Bearer ${api.managementKey}`, 'content-type': 'application/json' },
    body,
  });
  if (response.status !== 204) throw new Error(`The mock refused ${method} for ${hash}: ${response.status}`);
}

const HOUR_MS = 3_600_000;

/** Where `now` is in each limit period (0 at its start, 1 at its reset), as the extension counts them. */
export function periodShares(now: Date): { daily: number; weekly: number; monthly: number } {
  const t = now.getTime();
  const day = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const monday = day - ((now.getUTCDay() + 6) % 7) * 24 * HOUR_MS;
  const month = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1);
  const nextMonth = Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1);
  return {
    daily: (t - day) / (24 * HOUR_MS),
    weekly: (t - monday) / (7 * 24 * HOUR_MS),
    monthly: (t - month) / (nextMonth - month),
  };
}

/**
 * Fields for a $100 limit, on the period that is furthest from both its start and its reset now,
 * so that a projection is made (past the first 5 %) and there is time before the reset:
 * `runsOut` spends so that the limit is reached before the reset (the projection is √share⁻¹
 * times the limit), `calm` so that about half of it is used by then. Include the test's own
 * margin: the share must stay between 10 % and 90 % while the test runs (a few minutes).
 */
export function paceFields(now: Date, pace: 'runsOut' | 'calm'): Record<string, unknown> {
  const shares = periodShares(now);
  const [period, share] = (Object.entries(shares) as [keyof typeof shares, number][]).sort(
    ([, a], [, b]) => Math.abs(a - 0.5) - Math.abs(b - 0.5),
  )[0] as [keyof typeof shares, number];
  if (share < 0.1 || share > 0.9) throw new Error(`No limit period is between 10 % and 90 % at ${now.toISOString()}`);
  const spent = Math.round((pace === 'runsOut' ? 100 * Math.sqrt(share) : 50 * share) * 100) / 100;
  return {
    limit: 100,
    limit_reset: period,
    limit_remaining: Math.round((100 - spent) * 100) / 100,
    include_byok_in_limit: false,
    [`usage_${period}`]: spent,
  };
}
