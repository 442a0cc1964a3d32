// One set-up for the scripts that drive the built extension (demo, screenshots, bench): the
// local mock API, Debian's Chromium (or, for the demo, Firefox ESR) with the extension loaded,
// and the extension's options saved for the mock (its base URL and management key), then
// everything closed again. The scripts reach test/e2e/ through this module alone, so that a
// change there is met in one place. Runs under plain `node`: erasable TypeScript only.
import { launchFirefox } from '../../test/e2e/driver/firefox.ts';
import type { BrowserName, ExtensionBrowser } from '../../test/e2e/driver/types.ts';
import { launchExtension, type ExtensionHarness, type LaunchOptions } from '../../test/e2e/harness.ts';
import { configure } from '../../test/e2e/pages.ts';
import { MOCK_MANAGEMENT_KEY } from '../../test/mock-api/samples.ts';
import { startMockApi, type MockApi } from '../../test/mock-api/server.ts';

export { lookUp, saveOptions, textOf, type ExtensionHarness } from '../../test/e2e/harness.ts';
/** The page actions both browsers share (the Playwright-shaped ones above are Chromium's). */
export * as pages from '../../test/e2e/pages.ts';
export type { BrowserName, ExtensionBrowser, ExtensionPage } from '../../test/e2e/driver/types.ts';

export interface SessionOptions extends LaunchOptions {
  /** The mock API's port: this one if it is free, else any free one. Default: any free port. */
  preferredPort?: number;
}

export interface ExtensionSession {
  api: MockApi;
  h: ExtensionHarness;
}

/**
 * Starts the mock API and Chromium, configures the extension for the mock, runs `use`, and
 * closes the browser and the mock afterwards, whether `use` succeeds or throws.
 */
export function withExtension<T>(options: SessionOptions, use: (session: ExtensionSession) => Promise<T>): Promise<T> {
  const { preferredPort, ...launch } = options;
  return withLaunched(
    preferredPort,
    () => launchExtension(launch),
    (h) => h.browser,
    (api, h) => use({ api, h }),
  );
}

/** As withExtension, in the browser named, seen through the interface both browsers share. */
export function withBrowser<T>(
  browser: BrowserName,
  options: SessionOptions,
  use: (session: { api: MockApi; ext: ExtensionBrowser }) => Promise<T>,
): Promise<T> {
  const { preferredPort, ...launch } = options;
  const start = async () => (browser === 'firefox' ? launchFirefox(launch) : (await launchExtension(launch)).browser);
  return withLaunched(
    preferredPort,
    start,
    (ext) => ext,
    (api, ext) => use({ api, ext }),
  );
}

async function withLaunched<B, T>(
  preferredPort: number | undefined,
  launch: () => Promise<B>,
  browserOf: (launched: B) => ExtensionBrowser,
  use: (api: MockApi, launched: B) => Promise<T>,
): Promise<T> {
  const api = await startMock(preferredPort);
  let launched: B | undefined;
  try {
    launched = await launch();
    await configure(browserOf(launched), { baseUrl: api.baseUrl, key: MOCK_MANAGEMENT_KEY });
    return await use(api, launched);
  } finally {
    if (launched !== undefined)
      await browserOf(launched)
        .close()
        .catch(() => undefined);
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
