// "Look up many keys": a pasted mix of 30 hashes becomes a table with counts and filters, the
// downloads hold every row, a reload keeps the run, Cancel stops it and the rest can follow, a
// stopped worker loses and repeats no row, and a rate-limited API is waited for, not hammered.
import { afterEach, describe, expect, it } from 'vitest';
import type { ExtensionPage } from '../driver/types.ts';
import { FAULT_HASHES, MOCK_MANAGEMENT_KEY, SAMPLE_HASHES, UNKNOWN_HASH } from '../../mock-api/samples.ts';
import {
  downloads,
  filterCounts,
  keepDownloads,
  nameLink,
  pasteText,
  progressLine,
  tableRows,
  waitForProgress,
} from '../bulk-page.ts';
import { useExtension } from '../fixtures.ts';
import { paceFields, setKeyFields } from '../../mock-api/control.ts';
import { waitUntil } from '../driver/wait.ts';
import { textsOf, waitForText } from '../pages.ts';

const session = useExtension({ configured: true });
let page: ExtensionPage | undefined;

afterEach(async (context) => {
  session.api.latencyMs = 0;
  session.api.ratePerSecond = undefined;
  // The first test's page, with its run, is what the download test reads.
  if (context.task.name.startsWith('looks up 30')) return;
  await page?.close();
  page = undefined;
});

/** Distinct hashes no account holds: "Not found". */
const unknown = (count: number, tag: string) =>
  Array.from({ length: count }, (_, i) => `${tag}${i.toString(16).padStart(4, '0')}`.padEnd(64, 'f'));

const SECRET = `sk-mg-v1-${'5e'.repeat(32)}`;
const FAULTS = [FAULT_HASHES.serverErrorJson, FAULT_HASHES.forbidden, FAULT_HASHES.notJson, FAULT_HASHES.wrongShape];
const MIXED = [...Object.values(SAMPLE_HASHES), ...FAULTS, ...unknown(17, 'b0')];

/** A billing export with the hashes in it, some twice, and a secret key that must never be sent. */
const EXPORT = [
  'date,key_hash,cost',
  ...MIXED.map((hash, i) => `2026-11-${String((i % 28) + 1).padStart(2, '0')},${hash},${i}.50`),
  `2026-11-30,${MIXED[0]},1.00`,
  `note,"leaked ${SECRET} in a ticket",0`,
].join('\n');

const keyRequests = () =>
  session.api.requests.filter((r) => r.method === 'GET' && r.url.startsWith('/api/v1/keys/')).map((r) => r.url);

async function openBulk(): Promise<ExtensionPage> {
  await page?.close();
  page = await session.ext.openPage('bulk.html');
  return page;
}

describe('Look up many keys', () => {
  it('looks up 30 pasted hashes of every kind: table, counts and each filter; the secret is never sent', async () => {
    // Where a key is heading depends on the date: one sample runs out before its reset whatever
    // the date, the others that have a pace are calm.
    const now = new Date();
    await setKeyFields(session.api, SAMPLE_HASHES.active, paceFields(now, 'runsOut'));
    await setKeyFields(session.api, SAMPLE_HASHES.expiringSoon, paceFields(now, 'calm'));
    await setKeyFields(session.api, SAMPLE_HASHES.byok, paceFields(now, 'calm'));
    session.api.clearRequests();
    const bulk = await openBulk();
    await pasteText(bulk, EXPORT);
    expect(await bulk.evaluate(() => document.querySelector('#bulk-found')?.textContent)).toBe(
      '30 key hashes found · 1 secret key ignored (never sent).',
    );
    await bulk.click('button', 'Look up all');
    expect(await waitForProgress(bulk, /^30 of 30/)).toBe('30 of 30 · 4 errors');
    const counts = await filterCounts(bulk);
    expect(counts).toEqual({
      All: 30,
      Active: 6,
      Disabled: 1,
      Expired: 1,
      'Expiring soon': 1,
      'Limit reached': 1,
      'On pace to run out': 1,
      'Not found': 17,
      Errors: 4,
    });
    for (const [label, count] of Object.entries(counts)) {
      await bulk.click('button', `${label} ${count}`);
      expect((await tableRows(bulk)).length, label).toBe(count);
    }
    await bulk.click('button', 'On pace to run out 1');
    // Name, status, spent of limit, remaining, next reset, runs out…
    expect((await tableRows(bulk)).map((cells) => [cells[0], cells[5]])).toEqual([
      ['Production backend', expect.stringMatching(/^⚠ (In about \d+ (min|h|d)|About now)$/)],
    ]);
    await bulk.click('button', 'Errors 4');
    expect((await tableRows(bulk)).map((cells) => cells[1])).toEqual(
      expect.arrayContaining([
        'ModelGates server error The API answered 500. Try again in a minute.',
        'Unexpected answer from the API The API answered 403.',
      ]),
    );
    await bulk.click('button', 'All 30');
    const names = (await tableRows(bulk)).map((cells) => cells[0]);
    expect(names).toContain('<img src=x onerror=alert(1)>');
    expect(names.slice(0, 2)).toEqual(['Production backend', 'Old staging key']);
    expect(await bulk.evaluate(() => document.querySelector('.bulk-summary')?.textContent)).toMatch(
      /^30 hashes: 6 active, 1 disabled, 1 expired, 1 expiring soon, 1 limit reached, 1 on pace to run out, 17 not found, 4 errors\. Usage of the 9 keys found: \$/,
    );
    const asked = keyRequests();
    expect(new Set(asked)).toEqual(new Set(MIXED.map((hash) => `/api/v1/keys/${hash}`)));
    expect(JSON.stringify(session.api.requests)).not.toContain(SECRET);
    expect(bulk.dialogs).toEqual([]);

    // Sorting by a header, said with aria-sort; rows without a name go last.
    await bulk.click('button', 'Name');
    const sorted = (await tableRows(bulk)).map((cells) => cells[0] ?? '').filter((name) => name !== '—');
    expect(sorted).toHaveLength(9);
    expect(sorted).toEqual([...sorted].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
    expect(await bulk.evaluate(() => document.querySelector('th[aria-sort="ascending"]')?.textContent)).toBe('Name');

    // A reload keeps the run (this tab's session storage).
    await bulk.evaluate(() => {
      (globalThis as unknown as { e2eBeforeReload: boolean }).e2eBeforeReload = true;
      location.reload();
    });
    await waitUntil('the run after a reload', async () => {
      const reloaded = await bulk
        .evaluate(() => !(globalThis as unknown as { e2eBeforeReload?: boolean }).e2eBeforeReload)
        .catch(() => false);
      const rows = reloaded ? await tableRows(bulk).catch(() => []) : [];
      return rows.length === 30 ? true : undefined;
    });
    expect(await filterCounts(bulk)).toEqual(counts);
  });

  it('downloads every row as CSV and JSON, with the run’s time and accounts, without the key', async () => {
    const bulk = page ?? (await openBulk());
    expect((await tableRows(bulk)).length).toBe(30);
    await keepDownloads(bulk);
    await bulk.click('button', 'Download CSV');
    await bulk.click('button', 'Download JSON');
    const [csv, json] = await downloads(bulk);
    expect(csv?.name).toMatch(/^modelgates-keys-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.csv$/);
    const lines = csv?.text.split('\r\n') ?? [];
    expect(csv?.bom).toBe(true);
    expect(lines[0]).toMatch(/^run_at,accounts_asked,hash,account,result,status,error,fetched_at,name,/);
    expect(lines.filter((line) => line !== '')).toHaveLength(31);
    expect(csv?.text).toContain(`,${SAMPLE_HASHES.active},,found,"Active, `);
    expect(json?.name).toMatch(/\.json$/);
    const parsed = JSON.parse(json?.text ?? '{}') as { accounts: string[]; rows: { hash: string; result: string }[] };
    expect(parsed.accounts).toEqual(['My account']);
    expect(parsed.rows.map((row) => row.hash)).toEqual(MIXED);
    expect(parsed.rows.filter((row) => row.result === 'not_found')).toHaveLength(17);
    for (const file of [csv, json]) expect(file?.text).not.toContain(MOCK_MANAGEMENT_KEY);
  });

  it('Cancel stops the run and keeps what was found; "Look up the rest" asks only the others', async () => {
    session.api.latencyMs = 250;
    session.api.clearRequests();
    const hashes = unknown(24, 'c1');
    const bulk = await openBulk();
    await pasteText(bulk, hashes.join(' '));
    await bulk.click('button', 'Look up all');
    await waitForProgress(bulk, /^([4-9]|1\d) of 24/);
    await bulk.click('button', 'Cancel');
    const stopped = await waitForProgress(bulk, /cancelled$/);
    const done = Number(/^(\d+)/.exec(stopped)?.[1]);
    // Requests already handed to the worker (at most 4, the concurrency) may still arrive; then none.
    const asked = keyRequests().length;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const settled = keyRequests().length;
    expect(settled - asked).toBeLessThanOrEqual(4);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(keyRequests().length).toBe(settled);
    expect((await filterCounts(bulk))['Not found']).toBe(done);
    expect((await tableRows(bulk)).filter((cells) => cells[1] === 'Not looked up')).toHaveLength(24 - done);
    await bulk.click('button', 'Look up the rest');
    await waitForProgress(bulk, /^24 of 24$/);
    expect((await filterCounts(bulk))['Not found']).toBe(24);
    // Aborted requests had no answer and are asked again; none that had one is.
    const answered = keyRequests();
    expect(new Set(answered).size).toBe(24);
  });

  it('closing the page stops the run: no request follows but those already sent', async () => {
    session.api.latencyMs = 250;
    session.api.clearRequests();
    const bulk = await openBulk();
    await pasteText(bulk, unknown(40, 'c7').join('\n'));
    await bulk.click('button', 'Look up all');
    await waitForProgress(bulk, /^([4-9]|1\d) of 40/);
    await bulk.close();
    page = undefined;
    // The requests in flight at the close (at most 4, the concurrency) may still arrive; then none.
    const asked = keyRequests().length;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const settled = keyRequests().length;
    expect(settled - asked).toBeLessThanOrEqual(4);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(keyRequests().length).toBe(settled);
    expect(settled).toBeLessThan(40);
  });

  it('goes on when the worker is stopped mid-run: no row lost or repeated', async () => {
    session.api.latencyMs = 200;
    session.api.clearRequests();
    const hashes = unknown(30, 'd2');
    const bulk = await openBulk();
    await pasteText(bulk, hashes.join('\n'));
    await bulk.click('button', 'Look up all');
    await waitForProgress(bulk, /^([4-9]|1\d) of 30/);
    await session.ext.stopBackground();
    expect(await waitForProgress(bulk, /^30 of 30/)).toBe('30 of 30');
    expect(await filterCounts(bulk)).toMatchObject({ All: 30, 'Not found': 30, Errors: 0 });
    expect((await tableRows(bulk)).map((cells) => cells.at(-1)?.slice(0, 8))).toEqual(hashes.map((h) => h.slice(0, 8)));
  });

  it('waits out a rate limit instead of hammering it, and finds every row', async () => {
    session.api.clearRequests();
    session.api.ratePerSecond = 5;
    const hashes = unknown(15, 'e3');
    const bulk = await openBulk();
    await pasteText(bulk, hashes.join(','));
    await bulk.click('button', 'Look up all');
    expect(await waitForProgress(bulk, /^15 of 15/, 30_000)).toBe('15 of 15');
    expect(await filterCounts(bulk)).toMatchObject({ 'Not found': 15, Errors: 0 });
    expect(await progressLine(bulk)).not.toContain('error');
    const limited = keyRequests().length - 15;
    expect(limited).toBeGreaterThan(0);
    expect(limited).toBeLessThanOrEqual(8);
  });

  it('watches the selected rows, which the popup then lists; a key’s name links to its card', async () => {
    const bulk = await openBulk();
    await pasteText(bulk, [SAMPLE_HASHES.active, UNKNOWN_HASH, SAMPLE_HASHES.disabled].join('\n'));
    await bulk.click('button', 'Look up all');
    await waitForProgress(bulk, /^3 of 3/);
    expect(await nameLink(bulk, 'Production backend')).toEqual({
      href: `${session.ext.baseUrl}card.html#${SAMPLE_HASHES.active}`,
      target: '_blank',
    });
    await bulk.click('checkbox', 'Select Production backend');
    await bulk.click('checkbox', 'Select Old staging key');
    await bulk.click('button', 'Watch selected (2)');
    await waitForText(bulk, '.bulk-watch .status', /^Watching 2 keys\.$/);

    const popup = await session.ext.openPage('popup.html');
    await waitForText(popup, '.watched .history__item', 'Old staging key');
    const listed = await textsOf(popup, '.watched .history__item');
    expect(listed).toEqual([
      expect.stringMatching(/^Production backend Active /),
      expect.stringMatching(/^Old staging key .*Disabled/),
    ]);
    await popup.close();
  });
});
