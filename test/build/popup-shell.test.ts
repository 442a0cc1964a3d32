// popup.html as built: the popup's first render and its styles are in the HTML, so the field is
// painted and focused before any script has run (scripts/build/popup-shell.ts). `npm run zip` first.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { measurePopupJs } from '../../scripts/lib/build-sizes.ts';
import { CHROME_BUILD_DIR, FIREFOX_BUILD_DIR } from '../../scripts/lib/paths.ts';

async function builtPopup(dir: string): Promise<Document> {
  const { DOMParser } = new Window();
  return new DOMParser().parseFromString(
    await readFile(join(dir, 'popup.html'), 'utf8'),
    'text/html',
  ) as unknown as Document;
}

describe.each([
  ['Chrome', CHROME_BUILD_DIR],
  ['Firefox', FIREFOX_BUILD_DIR],
])('the built popup.html (%s)', (_browser, dir) => {
  it('holds the "Key hash" field, autofocused, and its "Look up" button before any script runs', async () => {
    const document = await builtPopup(dir);
    const field = document.querySelector<HTMLInputElement>('#app form input#hash');
    expect(field?.hasAttribute('autofocus')).toBe(true);
    expect(document.querySelector('label[for="hash"]')?.textContent).toBe('Key hash');
    expect(document.querySelector('#app form button[type="submit"]')?.textContent).toBe('Look up');
    // Nothing that needs the worker's answer is drawn ahead of it.
    expect(document.querySelector('#app .history, #app .history__empty, #app [role="alert"]')).toBeNull();
  });

  it('carries its styles inline: no stylesheet to fetch before the first paint', async () => {
    const document = await builtPopup(dir);
    expect(document.querySelectorAll('link[rel="stylesheet"]')).toHaveLength(0);
    const styles = [...document.querySelectorAll('style')].map((style) => style.textContent ?? '').join('');
    expect(styles).toContain('.lookup-form');
  });

  it('loads its one module script after the shell, with no chunk preloaded in the head', async () => {
    const document = await builtPopup(dir);
    const scripts = [...document.querySelectorAll('script')];
    expect(scripts.map((script) => script.getAttribute('type'))).toEqual(['module']);
    expect(scripts[0]?.parentElement?.tagName).toBe('BODY');
    expect(document.querySelector('#app')?.compareDocumentPosition(scripts[0] as Element)).toBe(
      4, // Node.DOCUMENT_POSITION_FOLLOWING
    );
    expect(document.querySelectorAll('link[rel="modulepreload"]')).toHaveLength(0);
  });

  it('needs no second file before it starts: its script imports none', async () => {
    // Every file a script imports is asked for only once the script has arrived; with none, the
    // start message leaves as soon as the one file has run (wxt.config.ts, popupChunk).
    const popup = await measurePopupJs(dir);
    expect(popup.files.map((file) => file.path)).toEqual([expect.stringMatching(/^chunks\/popup-[\w-]+\.js$/)]);
  });
});
