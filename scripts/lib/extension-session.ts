// One set-up for the scripts that drive the built extension (demo, screenshots, bench): the
// local mock API (one account, or two with `twoAccounts`), Debian's Chromium (or, for the demo,
// Firefox ESR) with the extension loaded, and the extension's options saved for the mock (its
// base URL and management key, per account), then everything closed again. The scripts reach test/e2e/ through this module alone, so that a
// change there is met in one place. Runs under plain `node`: erasable TypeScript only.
import { launchFirefox } from '../../test/e2e/driver/firefox.ts';
import type { BrowserName, ExtensionBrowser } from '../../test/e2e/driver/types.ts';
import { launchExtension, type ExtensionHarness, type LaunchOptions } from '../../test/e2e/harness.ts';
import { configure, saveAccounts } from '../../test/e2e/pages.ts';
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
/** The extension's `chrome` global, typed, in one of its pages or its worker. */
export { chromeInitScript, withChrome, type ExtensionApi } from '../../test/e2e/driver/extension-api.ts';
/** The page actions both browsers share (the Playwright-shaped ones above are Chromium's). */
export * as pages from '../../test/e2e/pages.ts';
export type { BrowserName, ExtensionBrowser, ExtensionPage } from '../../test/e2e/driver/types.ts';

export interface SessionOptions extends LaunchOptions {
  /** The mock API's port: this one if it is free, else any free one. Default: any free port. */
  preferredPort?: number;
  /**
   * Two accounts, "Production" and "Staging", each a mock of its own on its own port
   * (test/mock-api/accounts.ts), so that cards say "Account: …". Default: one account.
   */
  twoAccounts?: boolean;
}

/** The mocks: the (first) account's, and every account's in the order of the accounts. */
export interface Mocks {
  api: MockApi;
  apis: MockApi[];
}

export interface ExtensionSession extends Mocks {
  h: ExtensionHarness;
}

/**
 * Starts the mock API and Chromium, configures the extension for the mock, runs `use`, and
 * closes the browser and the mock afterwards, whether `use` succeeds or throws.
 */
export function withExtension<T>(options: SessionOptions, use: (session: ExtensionSession) => Promise<T>): Promise<T> {
  const { preferredPort, twoAccounts, ...launch } = options;
  return withLaunched(
    { preferredPort, twoAccounts },
    () => launchExtension(launch),
    (h) => h.browser,
    (mocks, h) => use({ ...mocks, h }),
  );
}

/** As withExtension, in the browser named, seen through the interface both browsers share. */
export function withBrowser<T>(
  browser: BrowserName,
  options: SessionOptions,
  use: (session: Mocks & { ext: ExtensionBrowser }) => Promise<T>,
): Promise<T> {
  const { preferredPort, twoAccounts, ...launch } = options;
  const start = async () => (browser === 'firefox' ? launchFirefox(launch) : (await launchExtension(launch)).browser);
  return withLaunched(
    { preferredPort, twoAccounts },
    start,
    (ext) => ext,
    (mocks, ext) => use({ ...mocks, ext }),
  );
}

async function withLaunched<B, T>(
  mock: Pick<SessionOptions, 'preferredPort' | 'twoAccounts'>,
  launch: () => Promise<B>,
  browserOf: (launched: B) => ExtensionBrowser,
  use: (mocks: Mocks, launched: B) => Promise<T>,
): Promise<T> {
  const apis = mock.twoAccounts ? await startAccounts(mock.preferredPort) : [await startMock(mock.preferredPort)];
  let launched: B | undefined;
  try {
    const [api] = apis;
    if (!api) throw new Error('No mock API started');
    launched = await launch();
    if (mock.twoAccounts) {
      const [first, ...more] = apis.map((each, index) => ({
        name: MOCK_ACCOUNTS[index]?.name ?? `Account ${index + 1}`,
        key: each.managementKey,
        baseUrl: each.baseUrl,
      }));
      await saveAccounts(browserOf(launched), more, first);
    } else {
      await configure(browserOf(launched), { baseUrl: api.baseUrl, key: MOCK_MANAGEMENT_KEY });
    }
    return await use({ api, apis }, launched);
  } finally {
    if (launched !== undefined)
      await browserOf(launched)
        .close()
        .catch(() => undefined);
    await Promise.all(apis.map((each) => each.close()));
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
