// The set-up every browser test file shares: the mock API, one browser with the built extension
// (the vitest project says which: see vitest.e2e.config.ts), and, when asked, the key and the
// mock's base URL saved through the options page. Registers its own beforeAll and afterAll.
import { afterAll, beforeAll, inject } from 'vitest';
import { MOCK_MANAGEMENT_KEY } from '../mock-api/samples.ts';
import { startMockApi, type MockApi, type MockApiOptions } from '../mock-api/server.ts';
import { launchExtension, type ExtensionHarness } from './driver/chromium.ts';
import { launchFirefox } from './driver/firefox.ts';
import type { BrowserName, ExtensionBrowser, LaunchOptions } from './driver/types.ts';
import { configure } from './pages.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The browser this vitest project runs its files in. */
    browser: BrowserName;
  }
}

export interface SessionOptions extends LaunchOptions {
  mock?: MockApiOptions;
  /**
   * Saves the sample management key and the mock's base URL before the first test (with this
   * timeout, when given). Default: nothing is saved.
   */
  configured?: boolean | { timeoutSeconds: number };
}

export interface Session {
  readonly api: MockApi;
  readonly ext: ExtensionBrowser;
}

export interface ChromiumSession extends Session {
  /** The same Chromium as Playwright sees it, for what only Chromium can check. */
  readonly h: ExtensionHarness;
}

/** The browser of the project running this file. */
export const BROWSER: BrowserName = inject('browser');

/** A mock API and the extension in this project's browser, for every test in the file. */
export function useExtension(options: SessionOptions = {}): Session {
  return useSession(options, async () => {
    if (BROWSER === 'firefox') return { ext: await launchFirefox(options) };
    const h = await launchExtension(options);
    return { ext: h.browser };
  });
}

/** As useExtension, in Chromium only, with Playwright's view of it too. */
export function useChromium(options: SessionOptions = {}): ChromiumSession {
  return useSession(options, async () => {
    const h = await launchExtension(options);
    return { ext: h.browser, h };
  });
}

function useSession<S extends Session>(options: SessionOptions, launch: () => Promise<Omit<S, 'api'>>): S {
  let started: S | undefined;
  beforeAll(async () => {
    const api = await startMockApi(options.mock);
    try {
      started = { api, ...(await launch()) } as S;
    } catch (error) {
      await api.close();
      throw error;
    }
    if (options.configured) {
      const timeoutSeconds = typeof options.configured === 'object' ? options.configured.timeoutSeconds : undefined;
      await configure(started.ext, { baseUrl: api.baseUrl, key: MOCK_MANAGEMENT_KEY, timeoutSeconds });
    }
  });
  afterAll(async () => {
    await started?.ext.close();
    await started?.api.close();
  });
  const get = (): S => {
    if (!started) throw new Error('The browser session is used before beforeAll started it');
    return started;
  };
  return new Proxy({} as S, { get: (_target, property) => get()[property as keyof S] });
}
