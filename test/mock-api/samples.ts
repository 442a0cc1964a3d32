// Sample keys and fault triggers served by the mock API (test/mock-api/server.ts).
// Runs under plain `node` too: erasable TypeScript only.

/** The only management key the mock API accepts (`Authorization: Bearer …`). */
export const MOCK_MANAGEMENT_KEY = 'sk-mg-mgmt-mock-3f9a1c7e5b2d4680';

/** Hashes that answer 200 with a key; each is sha256("modelgates-mock:<name>"). */
export const SAMPLE_HASHES = {
  active: '16ad3f434d81bd95b57aa003d185de331f3bf6d6756e7dd90eea6c40cb427150',
  disabled: '9b359dd348c3cd8fcf911d9b1dd4d7619d53d283386323f35a415da18e730a6f',
  expired: '6886998d52ee0aa2aadac3d0168d12953cc9f1d6a95ef81152638b6957b7bf98',
  expiringSoon: '25960cae0c1bd1cee2fac9a5880de87d3efc2a6482ed1d0c0edb674509e578f0',
  limitReached: 'a5d99cbd90dc27faaad31299db97d2107d4937345d573a6af0dccd2389c626db',
  noLimit: 'fb50303c6d2275e81ab6a803a4b9f1ba64a7975ce09f0a01b9c7d1a6033e89aa',
  byok: '9c179d0e7f3fe846396cbcb34be9268a0f1736454430010387abffa8b67ae88a',
  hostile: 'e8674b33734c63b4f36803a037a148017ea8f4b193b9c83326427bb8cb6e2814',
  partial: '37adbdb8efa586cac215aaa387b047d023ecd1a6b0c8044a34cecae665d65065',
} as const;

/**
 * Hashes that make the mock API misbehave. Each is a 4-hex tag repeated 16 times so that a
 * glance at a log tells which fault it is: 429x = rate limits, 5xx0 = server errors, 4030 =
 * forbidden, 200x = broken 200 answers, 3020 = redirect, de1a = delay, dead = dropped socket.
 */
export const FAULT_HASHES = {
  rateLimitedSeconds: '4291429142914291429142914291429142914291429142914291429142914291',
  rateLimitedDate: '4292429242924292429242924292429242924292429242924292429242924292',
  rateLimitedBare: '4290429042904290429042904290429042904290429042904290429042904290',
  serverErrorJson: '5000500050005000500050005000500050005000500050005000500050005000',
  badGatewayHtml: '5020502050205020502050205020502050205020502050205020502050205020',
  unavailableHtml: '5030503050305030503050305030503050305030503050305030503050305030',
  forbidden: '4030403040304030403040304030403040304030403040304030403040304030',
  truncatedJson: '200a200a200a200a200a200a200a200a200a200a200a200a200a200a200a200a',
  wrongShape: '200b200b200b200b200b200b200b200b200b200b200b200b200b200b200b200b',
  notJson: '200c200c200c200c200c200c200c200c200c200c200c200c200c200c200c200c',
  hugeBody: '200d200d200d200d200d200d200d200d200d200d200d200d200d200d200d200d',
  redirectElsewhere: '3020302030203020302030203020302030203020302030203020302030203020',
  slow: 'de1ade1ade1ade1ade1ade1ade1ade1ade1ade1ade1ade1ade1ade1ade1ade1a',
  dropConnection: 'deaddeaddeaddeaddeaddeaddeaddeaddeaddeaddeaddeaddeaddeaddeaddead',
} as const;

export type SampleName = keyof typeof SAMPLE_HASHES;
export type FaultName = keyof typeof FAULT_HASHES;

/** A 64-hex hash that no sample uses, for "not found" (sha256("modelgates-mock:unknown")). */
export const UNKNOWN_HASH = 'b08aac59622eae6bd369fa5652055f654cd48abd35f7b7afe16232dd0f2fc3db';

/**
 * The name of the key that the redirect target (another origin) serves. A client that follows
 * the redirect shows this name; a client that refuses it never does.
 */
export const ELSEWHERE_KEY_NAME = 'Served by another origin';

const DAY_MS = 24 * 60 * 60 * 1000;

function daysFrom(now: Date, days: number): string {
  return new Date(now.getTime() + days * DAY_MS).toISOString();
}

const WORKSPACE_ID = '8f3b2c1a-5d6e-4f70-9a1b-2c3d4e5f6a7b';
const CREATOR_USER_ID = 'user_2mK8pQ4rT6vX9zB1cD3fG5hJ7k';

const NO_BYOK = {
  byok_usage: 0,
  byok_usage_daily: 0,
  byok_usage_weekly: 0,
  byok_usage_monthly: 0,
  include_byok_in_limit: false,
};

const builders: Record<SampleName, (now: Date) => Record<string, unknown>> = {
  active: (now) => ({
    hash: SAMPLE_HASHES.active,
    name: 'Production backend',
    label: 'sk-mg-v1-7f3…a91',
    disabled: false,
    expires_at: null,
    created_at: daysFrom(now, -142),
    updated_at: daysFrom(now, -9),
    creator_user_id: CREATOR_USER_ID,
    workspace_id: WORKSPACE_ID,
    limit: 100,
    limit_remaining: 57.25,
    limit_reset: 'monthly',
    usage: 318.4,
    usage_daily: 1.85,
    usage_weekly: 11.2,
    usage_monthly: 42.75,
    ...NO_BYOK,
  }),
  disabled: (now) => ({
    hash: SAMPLE_HASHES.disabled,
    name: 'Old staging key',
    label: 'sk-mg-v1-2c8…4e0',
    disabled: true,
    expires_at: null,
    created_at: daysFrom(now, -401),
    updated_at: daysFrom(now, -30),
    creator_user_id: CREATOR_USER_ID,
    workspace_id: WORKSPACE_ID,
    limit: 50,
    limit_remaining: 50,
    limit_reset: 'monthly',
    usage: 87.6,
    usage_daily: 0,
    usage_weekly: 0,
    usage_monthly: 0,
    ...NO_BYOK,
  }),
  expired: (now) => ({
    hash: SAMPLE_HASHES.expired,
    name: 'Hackathon demo',
    label: 'sk-mg-v1-b41…0d7',
    disabled: false,
    expires_at: daysFrom(now, -12),
    created_at: daysFrom(now, -45),
    updated_at: daysFrom(now, -44),
    creator_user_id: CREATOR_USER_ID,
    workspace_id: WORKSPACE_ID,
    // No reset: what remains is the limit minus all usage ever.
    limit: 20,
    limit_remaining: 3.4,
    limit_reset: null,
    usage: 16.6,
    usage_daily: 0,
    usage_weekly: 0,
    usage_monthly: 0,
    ...NO_BYOK,
  }),
  expiringSoon: (now) => ({
    hash: SAMPLE_HASHES.expiringSoon,
    name: 'Contractor access (Q3)',
    label: 'sk-mg-v1-9e5…c32',
    disabled: false,
    // Inside the 7-day warning window whatever day the demo runs.
    expires_at: daysFrom(now, 3),
    created_at: daysFrom(now, -60),
    updated_at: daysFrom(now, -60),
    creator_user_id: CREATOR_USER_ID,
    workspace_id: WORKSPACE_ID,
    limit: 30,
    limit_remaining: 21.9,
    limit_reset: 'weekly',
    usage: 64.3,
    usage_daily: 0.72,
    usage_weekly: 8.1,
    usage_monthly: 27.45,
    ...NO_BYOK,
  }),
  limitReached: (now) => ({
    hash: SAMPLE_HASHES.limitReached,
    name: 'Nightly eval runner',
    label: 'sk-mg-v1-5a0…f18',
    disabled: false,
    expires_at: null,
    created_at: daysFrom(now, -210),
    updated_at: daysFrom(now, -3),
    creator_user_id: CREATOR_USER_ID,
    workspace_id: WORKSPACE_ID,
    limit: 25,
    limit_remaining: 0,
    limit_reset: 'daily',
    usage: 1240.55,
    usage_daily: 25,
    usage_weekly: 96.4,
    usage_monthly: 388.12,
    ...NO_BYOK,
  }),
  noLimit: (now) => ({
    hash: SAMPLE_HASHES.noLimit,
    name: 'Data team notebooks',
    label: 'sk-mg-v1-d27…6b9',
    disabled: false,
    expires_at: null,
    created_at: daysFrom(now, -333),
    updated_at: null,
    // The spec allows null here; this sample shows it.
    creator_user_id: null,
    workspace_id: WORKSPACE_ID,
    limit: null,
    limit_remaining: null,
    limit_reset: null,
    usage: 2315.08,
    usage_daily: 12.4,
    usage_weekly: 71.93,
    usage_monthly: 301.6,
    ...NO_BYOK,
  }),
  byok: (now) => ({
    hash: SAMPLE_HASHES.byok,
    name: 'BYOK gateway',
    label: 'sk-mg-v1-0f6…e45',
    disabled: false,
    expires_at: null,
    created_at: daysFrom(now, -75),
    updated_at: daysFrom(now, -1),
    creator_user_id: CREATOR_USER_ID,
    workspace_id: WORKSPACE_ID,
    // BYOK counts toward the limit: 50 - (12.3 + 18.45) = 19.25 left this week.
    limit: 50,
    limit_remaining: 19.25,
    limit_reset: 'weekly',
    include_byok_in_limit: true,
    usage: 140.2,
    usage_daily: 0.9,
    usage_weekly: 12.3,
    usage_monthly: 38.75,
    byok_usage: 611.47,
    byok_usage_daily: 2.15,
    byok_usage_weekly: 18.45,
    byok_usage_monthly: 96.3,
  }),
  hostile: (now) => ({
    hash: SAMPLE_HASHES.hostile,
    name: '<img src=x onerror=alert(1)>',
    label: '</script><script>alert(2)</script>',
    disabled: false,
    expires_at: null,
    created_at: daysFrom(now, -1),
    updated_at: null,
    creator_user_id: CREATOR_USER_ID,
    workspace_id: WORKSPACE_ID,
    limit: 10,
    limit_remaining: 10,
    limit_reset: 'monthly',
    usage: 0,
    usage_daily: 0,
    usage_weekly: 0,
    usage_monthly: 0,
    ...NO_BYOK,
  }),
  // Deliberately off-spec: the client must show what it can and "unknown" for the rest.
  // Missing: label, expires_at, updated_at, creator_user_id, workspace_id, limit_reset,
  // usage_weekly, every byok_* field and include_byok_in_limit.
  partial: () => ({
    hash: SAMPLE_HASHES.partial,
    name: 'Legacy import',
    disabled: 'no',
    created_at: 42,
    limit: '100',
    limit_remaining: 88,
    usage: '12',
    usage_daily: null,
    usage_monthly: 12,
  }),
};

/** The `data` object for a sample, with times relative to `now` so "expiring soon" stays soon. */
export function sampleKeyData(name: SampleName, now: Date): Record<string, unknown> {
  return builders[name](now);
}
