// One set-up for the scripts that drive the built extension (demo, screenshots, bench): the
// local mock API, Debian's Chromium with the extension loaded, and the extension's options saved
// for the mock (its base URL and management key), then everything closed again.
// The scripts reach test/e2e/harness.ts through this module alone, so that a change there is
// met in one place. Runs under plain `node`: erasable TypeScript only.
import { configure, launchExtension, type ExtensionHarness, type LaunchOptions } from '../../test/e2e/harness.ts';
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
}

export interface ExtensionSession {
  api: MockApi;
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
  const { preferredPort, ...launch } = options;
  const api = await startMock(preferredPort);
  let h: ExtensionHarness | undefined;
  try {
    h = await launchExtension(launch);
    await configure(h, { baseUrl: api.baseUrl, key: MOCK_MANAGEMENT_KEY });
    return await use({ api, h });
  } finally {
    await h?.close().catch(() => undefined);
    await api.close();
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
