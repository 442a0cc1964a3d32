// axe-core on every state of the popup, the side panel and the options page, in light and dark colour schemes
// (contrast differs), and the popup's size: 380 px wide at most, the card without scrolling.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MOCK_MANAGEMENT_KEY, SAMPLE_HASHES, UNKNOWN_HASH, FAULT_HASHES } from '../../mock-api/samples.ts';
import { useChromium } from '../fixtures.ts';
import { configure, fillSettings, lookUp } from '../harness.ts';

const SCHEMES = ['light', 'dark'] as const;
const BLOCKING = new Set(['serious', 'critical']);

/** Moderate and minor findings by rule: they do not fail a test, and are listed once at the end. */
const lesser = new Map<string, Set<string>>();

const session = useChromium({ viewport: { width: 380, height: 600 } });

afterAll(() => {
  if (lesser.size > 0) {
    const lines = [...lesser].map(([rule, states]) => `- ${rule}: ${[...states].join('; ')}`);
    console.info(`axe, moderate and minor findings:\n${lines.join('\n')}`);
  }
});

/** Runs axe in each colour scheme; returns the serious and critical violations, described. */
async function audit(page: Page, state: string): Promise<string[]> {
  const blocking: string[] = [];
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page }).analyze();
    for (const violation of violations) {
      const where = violation.nodes.map((node) => `${node.target.join(' ')}: ${node.failureSummary ?? ''}`.trim());
      const line = `${violation.id} (${violation.impact ?? 'no impact'}, ${colorScheme}): ${violation.help} at ${where.join(' | ')}`;
      if (BLOCKING.has(violation.impact ?? '')) blocking.push(line);
      else {
        const rule = `${violation.id} (${violation.impact ?? 'no impact'}): ${violation.help}`;
        const states = lesser.get(rule) ?? new Set<string>();
        lesser.set(rule, states.add(`${state} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`));
      }
    }
  }
  await page.emulateMedia({ colorScheme: null });
  return blocking;
}

/** An empty popup, as it is once its history has arrived. */
async function emptyPopup(): Promise<Page> {
  const page = await session.h.openPage('popup.html');
  await page
    .getByText('Lookups you make appear here.')
    .or(page.getByRole('heading', { name: 'Recent lookups' }))
    .first()
    .waitFor();
  return page;
}

async function options(): Promise<Page> {
  const page = await session.h.openPage('options.html');
  await page.getByLabel('API base URL').waitFor();
  return page;
}

async function popupWith(text: string): Promise<Page> {
  const page = await session.h.openPage('popup.html');
  await lookUp(page, text);
  return page;
}

/** The side panel's page after these lookups from its field; with `collapse`, that card collapsed. */
async function panelWith(texts: string[], collapse?: string): Promise<Page> {
  const page = await session.h.openPage('sidepanel.html');
  await page.locator('.stack').waitFor();
  for (const text of texts) await lookUp(page, text);
  if (collapse) {
    await page.locator('.stack-card__line', { hasText: collapse }).click();
    await page.locator('.stack-card__line[aria-expanded="false"]').waitFor();
  }
  return page;
}

async function optionsWithFieldErrors(): Promise<Page> {
  const page = await options();
  await fillSettings(page, { baseUrl: 'ftp://example.com/api/v1', timeoutSeconds: 2 });
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.locator('.field-error').first().waitFor();
  return page;
}

async function expectNoBlockingViolations(state: string, open: () => Promise<Page>): Promise<void> {
  const page = await open();
  try {
    expect(await audit(page, state)).toEqual([]);
  } finally {
    await page.close();
  }
}

describe('before any key is saved', () => {
  it.each<[string, () => Promise<Page>]>([
    ['popup, empty, no history', emptyPopup],
    ['popup, "No management key saved"', () => popupWith(SAMPLE_HASHES.active)],
    ['options, no key saved', options],
    ['side panel, empty', () => panelWith([])],
    ['side panel, "No management key saved" under its field', () => panelWith([SAMPLE_HASHES.active])],
  ])('%s: no serious or critical axe violations', expectNoBlockingViolations);
});

describe('with a key saved', () => {
  beforeAll(async () => {
    await configure(session.h, { baseUrl: session.api.baseUrl, key: MOCK_MANAGEMENT_KEY });
  });

  it.each<[string, () => Promise<Page>]>([
    ['options, key saved', options],
    ['options, with field errors', optionsWithFieldErrors],
    ["popup, with the active key's card", () => popupWith(SAMPLE_HASHES.active)],
    ["popup, with the BYOK key's card", () => popupWith(SAMPLE_HASHES.byok)],
    ['popup, with an API error', () => popupWith(UNKNOWN_HASH)],
    ['popup, with a rate-limit error', () => popupWith(FAULT_HASHES.rateLimitedSeconds)],
    ['popup, with an input error', () => popupWith('not a hash')],
    ['popup, empty, with history', emptyPopup],
    [
      'side panel, three cards, one collapsed to its line',
      () => panelWith([SAMPLE_HASHES.active, SAMPLE_HASHES.limitReached, SAMPLE_HASHES.byok], 'Nightly eval runner'),
    ],
    ['side panel, a hash no account holds', () => panelWith([UNKNOWN_HASH])],
  ])('%s: no serious or critical axe violations', expectNoBlockingViolations);
});

describe('popup size at 380 × 600', () => {
  beforeAll(async () => {
    await configure(session.h, { baseUrl: session.api.baseUrl, key: MOCK_MANAGEMENT_KEY });
  });

  const overflow = (page: Page) =>
    page.evaluate(() => {
      const root = document.documentElement;
      return { width: root.scrollWidth - root.clientWidth, height: root.scrollHeight - root.clientHeight };
    });

  it.each<[string, () => Promise<Page>]>([
    ['empty, with history', emptyPopup],
    ...(Object.keys(SAMPLE_HASHES) as Array<keyof typeof SAMPLE_HASHES>).map(
      (sample): [string, () => Promise<Page>] => [`the ${sample} card`, () => popupWith(SAMPLE_HASHES[sample])],
    ),
    ['an API error', () => popupWith(UNKNOWN_HASH)],
    ['an input error', () => popupWith('x'.repeat(200))],
  ])('%s: no horizontal overflow', async (_state, open) => {
    const page = await open();
    try {
      expect((await overflow(page)).width).toBe(0);
    } finally {
      await page.close();
    }
  });

  it("the active key's card fits without vertical scrolling", async () => {
    const page = await popupWith(SAMPLE_HASHES.active);
    try {
      expect(await page.evaluate(() => [innerWidth, innerHeight])).toEqual([380, 600]);
      expect((await overflow(page)).height).toBeLessThanOrEqual(0);
    } finally {
      await page.close();
    }
  });
});

describe('with the lock', () => {
  const ENCRYPTED = { name: 'On this computer, encrypted with a passphrase', exact: true };

  async function optionsTurningOn(): Promise<Page> {
    const page = await options();
    await page.getByRole('radio', ENCRYPTED).check();
    await page.getByLabel('Passphrase', { exact: true }).fill('password1234');
    await page.getByLabel('Repeat passphrase', { exact: true }).fill('password1234');
    await page.getByRole('button', { name: 'Turn on lock', exact: true }).click();
    await page.getByText(/^Too easy to guess/).waitFor();
    return page;
  }

  /** Turns the lock on (a strong passphrase), and stays on the options page with its panels. */
  async function optionsLockOn(): Promise<Page> {
    const page = await options();
    await page.getByRole('radio', ENCRYPTED).check();
    await page.getByLabel('Passphrase', { exact: true }).fill('plum kettle harbour violin 42');
    await page.getByLabel('Repeat passphrase', { exact: true }).fill('plum kettle harbour violin 42');
    await page.getByRole('button', { name: 'Turn on lock', exact: true }).click();
    await page.getByRole('heading', { name: 'Change passphrase' }).waitFor();
    return page;
  }

  /** Locks with the options' "Lock now", then a popup after a wrong passphrase. */
  async function lockedPopup(): Promise<Page> {
    const options = await session.h.openPage('options.html');
    await options.getByRole('button', { name: 'Lock now', exact: true }).click();
    await options.getByRole('heading', { name: 'Locked' }).waitFor();
    await options.close();
    const page = await session.h.openPage('popup.html');
    await page.getByLabel('Passphrase', { exact: true }).fill('not the passphrase');
    await page.keyboard.press('Enter');
    await page.getByText('Wrong passphrase.').waitFor();
    return page;
  }

  async function lockedOptions(): Promise<Page> {
    const page = await session.h.openPage('options.html');
    await page.getByRole('button', { name: 'Forgot passphrase?' }).click();
    await page.getByRole('button', { name: 'Remove all saved keys' }).waitFor();
    return page;
  }

  // In this order: each starts where the one before left the lock.
  it.each<[string, () => Promise<Page>]>([
    ['options, turning the lock on, with a refusal', optionsTurningOn],
    ['options, lock on and unlocked', optionsLockOn],
    ['popup, locked, after a wrong passphrase', lockedPopup],
    ['options, locked, "Forgot passphrase?" open', lockedOptions],
  ])('%s: no serious or critical axe violations', expectNoBlockingViolations);
});
