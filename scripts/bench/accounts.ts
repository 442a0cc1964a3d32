// The lookup with several accounts: three of them, the one that has the key answering after
// OWNER_MS and the two that do not after OTHERS_MS, against the same lookup with the owner alone.
// The popup must show the card when the owner answers, not when the slowest account does.
// Runs under plain `node`: erasable TypeScript only.
import type { Page } from 'playwright-core';
import { startMockApi, type MockApi } from '../../test/mock-api/server.ts';
import { addAccounts } from '../lib/extension-session.ts';
import { reopenPopup, timedLookup, type LookupTiming } from './lookup-timing.ts';
import type { LookupBench } from './lookups.ts';

export const OWNER_MS = 100;
export const OTHERS_MS = 400;

export interface AccountsSamples {
  /** One account, answering after OWNER_MS. */
  one: LookupTiming[];
  /** Three accounts: the owner after OWNER_MS, the other two (404) after OTHERS_MS. */
  three: LookupTiming[];
}

/** The card is shown at the owner's answer; the next sample waits for the other accounts too. */
async function waitForAllAccounts(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('.lookup-pending') === null);
}

/**
 * One series with the owner alone, then one with two more accounts added through the options
 * page. Sample i of each starts at the same share of a frame, so the two are compared pairwise.
 * Leaves the extension with three accounts: run it last.
 */
export async function measureAccounts({ h, ours, api, samples, hash }: LookupBench): Promise<AccountsSamples> {
  const popup = ours.page;
  const others: MockApi[] = [];
  api.latencyMs = OWNER_MS;
  // A popup opened anew: the cards an earlier popup remembered (the cached rows) are not shown first.
  await reopenPopup(popup, hash);
  try {
    await timedLookup(ours);
    const one: LookupTiming[] = [];
    for (let i = 0; i < samples; i++) one.push(await timedLookup(ours, i));

    for (const n of [2, 3]) {
      const key = `sk-mg-mgmt-bench-account-${n}-0000`;
      others.push(await startMockApi({ managementKey: key, holds: [], latencyMs: OTHERS_MS }));
    }
    await addAccounts(
      h,
      others.map((other, index) => ({
        name: `Account ${index + 2}`,
        key: other.managementKey,
        baseUrl: other.baseUrl,
      })),
    );
    await timedLookup(ours);
    await waitForAllAccounts(popup);
    const three: LookupTiming[] = [];
    for (let i = 0; i < samples; i++) {
      three.push(await timedLookup(ours, i));
      await waitForAllAccounts(popup);
    }
    const asked = others.map((other) => other.requests.filter((r) => r.method === 'GET').length);
    if (asked.some((count) => count < samples))
      throw new Error(`The other accounts were asked ${asked.join(' and ')} times`);
    return { one, three };
  } finally {
    api.latencyMs = 0;
    await Promise.all(others.map((other) => other.close()));
  }
}
