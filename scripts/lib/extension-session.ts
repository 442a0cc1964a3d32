// One set-up for the scripts that drive the built extension (demo, screenshots, bench): the
// local mock API, Debian's Chromium with the extension loaded, and the extension's options saved
// for the mock (its base URL and management key), then everything closed again.
// The scripts reach test/e2e/harness.ts through this module alone, so that a change there is
// met in one place. Runs under plain `node`: erasable TypeScript only.
import {
  addAccounts,
  configure,
  launchExtension,
  type ExtensionHarness,
  type LaunchOptions,
} from '../../test/e2e/harness.ts';
import { MOCK_ACCOUNTS, startMockAccounts } from '../../test/mock-api/accounts.ts';
import { MOCK_MANAGEMENT_KEY } from '../../test/mock-api/samples.ts';
import { startMockApi, type MockApi } from '../../test/mock-api/server.ts';

export {
  addAccounts,
  lookUp,
  saveOptions,
  textOf,
  type AccountSettings,
  type ExtensionHarness,
} from '../../test/e2e/harness.ts';

export interface SessionOptions extends LaunchOptions {
  /** The mock API's port: this one if it is free, else any free one. Default: any free port. */
  preferredPort?: number;
  /**
   * Two accounts, "Production" and "Staging", each a mock of its own on its own port
   * (test/mock-api/accounts.ts), so that cards say "Account: …". Default: one account.
   */
  twoAccounts?: boolean;
}

export interface ExtensionSession {
  /** The (first) account's mock API. */
  api: MockApi;
  /** Every account's mock API, in the order of the accounts. */
  apis: MockApi[];
  h: ExtensionHarness;
}

/**
 * Starts the mock API and the browser, configures the extension for the mock, runs `use`, and
 * closes the browser and the mock afterwards, whether `use` succeeds or throws.
 */
export async function withExtension<T>(
  options: SessionOptions,
  use: (session: ExtensionSession) => Promise<T>,
): Promise<T> {
  const { preferredPort, twoAccounts, ...launch } = options;
  const apis = twoAccounts ? await startAccounts(preferredPort) : [await startMock(preferredPort)];
  const [api] = apis;
  let h: ExtensionHarness | undefined;
  try {
    if (!api) throw new Error('No mock API started');
    h = await launchExtension(launch);
    if (twoAccounts) {
      const [first, ...rest] = apis.map((mock, index) => ({
        name: MOCK_ACCOUNTS[index]?.name ?? `Account ${index + 1}`,
        key: mock.managementKey,
        baseUrl: mock.baseUrl,
      }));
      await addAccounts(h, rest, first);
    } else {
      await configure(h, { baseUrl: api.baseUrl, key: MOCK_MANAGEMENT_KEY });
    }
    return await use({ api, apis, h });
  } finally {
    await h?.close().catch(() => undefined);
    await Promise.all(apis.map((mock) => mock.close()));
  }
}

async function startAccounts(preferredPort: number | undefined): Promise<MockApi[]> {
  if (preferredPort === undefined) return startMockAccounts();
  try {
    return await startMockAccounts(MOCK_ACCOUNTS, { firstPort: preferredPort });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    console.log(`Port ${preferredPort} or the next is busy: the mock accounts take any free ports.`);
    return startMockAccounts();
  }
}

async function startMock(preferredPort: number | undefined): Promise<MockApi> {
  if (preferredPort === undefined) return startMockApi();
  try {
    return await startMockApi({ port: preferredPort });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    console.log(`Port ${preferredPort} is busy: the mock API takes any free port.`);
    return startMockApi({ port: 0 });
  }
}
