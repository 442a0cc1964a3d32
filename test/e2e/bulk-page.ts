// What a person does on the "Look up many keys" page (bulk.html), in words every browser driver
// understands, and what they read there.
import { waitUntil } from './driver/wait.ts';
import type { ExtensionPage } from './driver/types.ts';
import { textOf, textsOf } from './pages.ts';

export const INPUT_LABEL = 'Hashes or text containing them';

/** Pastes `text` into the page's text area as a person would (Ctrl+V). */
export async function pasteText(page: ExtensionPage, text: string): Promise<void> {
  await waitUntil('the bulk page', () =>
    page.evaluate(() => document.querySelector('#bulk-text') !== null || undefined),
  );
  await page.focus(INPUT_LABEL);
  await page.paste(text);
}

/** The progress line, e.g. "12 of 30 · 2 errors · about 5 s left". */
export const progressLine = (page: ExtensionPage) => textOf(page, '.bulk-progress__line');

/** Waits until the progress line matches `pattern` (a run of N ends with "N of N"). */
export function waitForProgress(page: ExtensionPage, pattern: RegExp, timeoutMs = 30_000): Promise<string> {
  return waitUntil(
    `the progress line to match ${String(pattern)}`,
    async () => {
      const line = await progressLine(page);
      return line !== null && pattern.test(line) ? line : undefined;
    },
    timeoutMs,
  );
}

/** The filter buttons as { All: 30, Active: 12, … }. */
export async function filterCounts(page: ExtensionPage): Promise<Record<string, number>> {
  const texts = await textsOf(page, '.bulk-filter');
  return Object.fromEntries(
    texts.map((text) => {
      const match = /^(.*) (\d[\d,]*)$/.exec(text);
      return [match?.[1] ?? text, Number(match?.[2]?.replace(/,/g, '') ?? NaN)];
    }),
  );
}

/** The table's rows, each as its cells' texts (the selection box's cell left out). */
export function tableRows(page: ExtensionPage): Promise<string[][]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('.bulk-table tbody tr'), (row) =>
      Array.from(row.querySelectorAll('td:not(.bulk-select)'), (cell) =>
        (cell as HTMLElement).innerText.replace(/\s+/g, ' ').trim(),
      ),
    ),
  );
}

/** Lets the page keep what it downloads: every Blob link it creates, with the file name clicked. */
export function keepDownloads(page: ExtensionPage): Promise<void> {
  return page.evaluate(() => {
    const kept: { name: string; blob: Blob }[] = [];
    const blobs = new Map<string, Blob>();
    const create = URL.createObjectURL.bind(URL);
    URL.createObjectURL = (blob: Blob) => {
      const url = create(blob);
      blobs.set(url, blob);
      return url;
    };
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      const blob = blobs.get(this.href);
      if (blob) kept.push({ name: this.download, blob });
    };
    (globalThis as unknown as { e2eDownloads: typeof kept }).e2eDownloads = kept;
  });
}

/** What the page has downloaded since keepDownloads: names, texts, and whether a UTF-8 byte-order mark leads. */
export function downloads(page: ExtensionPage): Promise<{ name: string; text: string; bom: boolean }[]> {
  return page.evaluate(async () => {
    const kept = (globalThis as unknown as { e2eDownloads: { name: string; blob: Blob }[] }).e2eDownloads;
    return Promise.all(
      kept.map(async ({ name, blob }) => {
        const head = Array.from(new Uint8Array(await blob.slice(0, 3).arrayBuffer()));
        return { name, text: await blob.text(), bom: head.join() === '239,187,191' };
      }),
    );
  });
}

/** The address and target of the link on a row's key name, e.g. chrome-extension://ID/card.html#<hash>. */
export function nameLink(page: ExtensionPage, name: string): Promise<{ href: string; target: string } | null> {
  return page.evaluate((name) => {
    const link = Array.from(document.querySelectorAll<HTMLAnchorElement>('.bulk-table tbody a')).find(
      (a) => a.innerText.trim() === name,
    );
    return link ? { href: link.href, target: link.target } : null;
  }, name);
}
