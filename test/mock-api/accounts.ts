// Several mock accounts: one server per account, each on its own port, with its own management
// key and its own keys, as a user with a production and a staging organisation has them.
// Erasable TypeScript only: it runs under plain `node` too.
import { FAULT_HASHES, MOCK_MANAGEMENT_KEY, SAMPLE_HASHES } from './samples.ts';
import { startMockApi, type MockApi, type MockApiOptions } from './server.ts';

export interface MockAccountSpec {
  /** What the user calls the account in the options ("Account name"). */
  name: string;
  managementKey: string;
  /** The sample and fault hashes this account answers; every other hash is 404 there. */
  holds: readonly string[];
}

export interface MockAccount extends MockApi {
  readonly name: string;
}

/** The second account's management key: it differs from the first one's in its last 4 too. */
export const STAGING_MANAGEMENT_KEY = 'sk-mg-mgmt-mock-staging-5e7c9b1d';

/** The sample only the second account holds: looking it up answers from "Staging". */
export const STAGING_ONLY_HASH = SAMPLE_HASHES.byok;

/**
 * Two accounts. "Production" holds every sample but the BYOK key; "Staging" holds the BYOK key
 * and the fault hashes, so a fault hash is a mixed answer: 404 in one account, a failure in the
 * other.
 */
export const MOCK_ACCOUNTS: readonly MockAccountSpec[] = [
  {
    name: 'Production',
    managementKey: MOCK_MANAGEMENT_KEY,
    holds: Object.values(SAMPLE_HASHES).filter((hash) => hash !== STAGING_ONLY_HASH),
  },
  {
    name: 'Staging',
    managementKey: STAGING_MANAGEMENT_KEY,
    holds: [STAGING_ONLY_HASH, ...Object.values(FAULT_HASHES)],
  },
];

export interface MockAccountsOptions extends Omit<MockApiOptions, 'managementKey' | 'holds' | 'port'> {
  /** The first account's port; the others take the next ones. 0 (the default) picks free ports. */
  firstPort?: number;
}

/** Starts one mock API per account; if one cannot start, those already started are closed. */
export async function startMockAccounts(
  specs: readonly MockAccountSpec[] = MOCK_ACCOUNTS,
  options: MockAccountsOptions = {},
): Promise<MockAccount[]> {
  const { firstPort = 0, ...shared } = options;
  const started: MockAccount[] = [];
  try {
    for (const [index, spec] of specs.entries()) {
      const port = firstPort === 0 ? 0 : firstPort + index;
      const api = await startMockApi({ ...shared, port, managementKey: spec.managementKey, holds: spec.holds });
      started.push(Object.assign(api, { name: spec.name }));
    }
  } catch (error) {
    await Promise.all(started.map((api) => api.close()));
    throw error;
  }
  return started;
}
