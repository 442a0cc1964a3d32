// @vitest-environment node
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The layout's boundaries are lint rules: each sample below breaks one, linted as if it were the
// named file, and the project's own ESLint config must fail on it. Existing paths are used so that
// the type-aware rules see the file inside the project.
const eslint = new ESLint({ cwd: new URL('..', import.meta.url).pathname });

async function rulesHit(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => m.ruleId ?? m.message);
}

const RESTRICTED = '@typescript-eslint/no-restricted-imports';

// Type-aware linting loads the TypeScript project on first use: seconds on a busy machine.
describe('lint boundaries', { timeout: 60_000 }, () => {
  it.each([
    [
      'a component importing worker code',
      'components/card/KeyCard.tsx',
      "import { readHistory } from '@/utils/lookup/background/history';\nexport const f = readHistory;",
      RESTRICTED,
    ],
    [
      'a page importing the API client by a relative path',
      'entrypoints/popup/App.tsx',
      "import { fetchKey } from '../../utils/lookup/background/api/fetch-key';\nexport const f = fetchKey;",
      RESTRICTED,
    ],
    [
      'the options page importing the settings service',
      'entrypoints/options/App.tsx',
      "import { saveSettings } from '@/utils/settings/background/settings-service';\nexport const f = saveSettings;",
      RESTRICTED,
    ],
    [
      'a pure module importing the browser API',
      'utils/card/badges.ts',
      "import { browser } from 'wxt/browser';\nexport const id = browser.runtime.id;",
      RESTRICTED,
    ],
    [
      'a pure module importing storage',
      'utils/format.ts',
      "import { storage } from 'wxt/utils/storage';\nexport const s = storage;",
      RESTRICTED,
    ],
    [
      'a pure module importing worker code',
      'utils/card/badges.ts',
      "import { readHistory } from '../lookup/background/history';\nexport const f = readHistory;",
      RESTRICTED,
    ],
    [
      'a pure module calling fetch',
      'utils/format.ts',
      'export const get = (url: string) => fetch(url).then((r) => r.status);',
      'no-restricted-globals',
    ],
    [
      'a pure module reaching for chrome.*',
      'utils/format.ts',
      'export const id = (): unknown => chrome.runtime.id;',
      'no-restricted-globals',
    ],
    [
      'worker code other than the request builder reading the management key',
      'utils/lookup/background/lookup-service.ts',
      "import { readManagementKey } from '../../accounts/background/management-key';\nexport const f = readManagementKey;",
      RESTRICTED,
    ],
    [
      'another store module reading the management key',
      'utils/storage/background/memory.ts',
      "import { readManagementKey } from '../../accounts/background/management-key';\nexport const f = readManagementKey;",
      RESTRICTED,
    ],
    ['zod imported directly', 'utils/api-key.ts', "import { z } from 'zod';\nexport const s = z.string();", RESTRICTED],
    [
      'zod/mini imported directly',
      'utils/api-key.ts',
      "import { z } from 'zod/mini';\nexport const s = z.string();",
      RESTRICTED,
    ],
    [
      'a floating promise',
      'utils/lookup/background/lookup-service.ts',
      'async function save(): Promise<void> {}\nexport function f(): void {\n  save();\n}',
      '@typescript-eslint/no-floating-promises',
    ],
    [
      'a page hook importing worker code',
      'utils/lookup/page/use-lookup.ts',
      "import { lookUp } from '../background/lookup-service';\nexport const f = lookUp;",
      RESTRICTED,
    ],
    [
      'pure feature code importing page-side code',
      'utils/watch/view.ts',
      "import { useWatched } from './page/use-watched';\nexport const f = useWatched;",
      RESTRICTED,
    ],
    [
      'pure feature code in a feature folder using storage',
      'utils/bulk/row.ts',
      "import { storage } from 'wxt/utils/storage';\nexport const s = storage;",
      RESTRICTED,
    ],
    [
      'a contract reaching into the worker',
      'utils/watch/contract.ts',
      "import { readSettings } from '../storage/background/items';\nexport const f = readSettings;",
      RESTRICTED,
    ],
    [
      'an import cycle between two pure modules',
      'utils/time.ts',
      "import { formatMoney } from './format';\nexport const f = formatMoney;",
      'import-x/no-cycle',
    ],
    [
      'an import cycle through the @/ alias',
      'utils/time.ts',
      "import { formatMoney } from '@/utils/format';\nexport const f = formatMoney;",
      'import-x/no-cycle',
    ],
    [
      'an entry point importing another entry point’s file',
      'entrypoints/card/App.tsx',
      "import { App } from '../popup/App';\nexport const A = App;",
      RESTRICTED,
    ],
    [
      'an entry point importing another entry point by the alias',
      'entrypoints/card/App.tsx',
      "import { App } from '@/entrypoints/popup/App';\nexport const A = App;",
      RESTRICTED,
    ],
    [
      'a component importing an entry point',
      'components/card/KeyCard.tsx',
      "import { App } from '@/entrypoints/popup/App';\nexport const A = App;",
      RESTRICTED,
    ],
    [
      'worker code touching the DOM',
      'utils/lookup/background/action-badge.ts',
      'export const title = (): string => document.title;',
      'no-restricted-globals',
    ],
  ])('fails on %s', async (_case, filePath, code, rule) => {
    expect(await rulesHit(code, filePath)).toContain(rule);
  });

  it.each([
    [
      'a type-only import of worker types in a component',
      'components/lookup/HistoryList.tsx',
      "import type { HistoryEntry } from '@/utils/storage/background/items';\nexport type E = HistoryEntry;",
    ],
    [
      'the request builder reading the management key',
      'utils/lookup/background/api/fetch-key.ts',
      "import { readManagementKey } from '../../../accounts/background/management-key';\nexport const f = readManagementKey;",
    ],
    [
      'a promise marked as ignored with void',
      'utils/lookup/background/lookup-service.ts',
      'async function save(): Promise<void> {}\nexport function f(): void {\n  void save();\n}',
    ],
    [
      'a page importing a feature by the alias',
      'entrypoints/card/App.tsx',
      "import { useLookup } from '@/utils/lookup/page/use-lookup';\nexport const f = useLookup;",
    ],
    [
      'a page importing a declared contract’s reply type',
      'entrypoints/popup/App.tsx',
      "import type { PopupStartReply } from '@/utils/lookup/contract';\nexport type R = PopupStartReply;",
    ],
  ])('passes %s', async (_case, filePath, code) => {
    expect(await rulesHit(code, filePath)).toEqual([]);
  });
});
