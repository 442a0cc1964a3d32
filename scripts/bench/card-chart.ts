// The card page of a watched key with 90 days of spend history: navigation start → its chart
// drawn and the next frame begun, ÷ the same page for a key without history (navigation start →
// its history section answered and the next frame begun), paired: one of each, alternating, so
// that the machine's drift hits both alike. Goal ≤ 1.5×. A module of its own, so that the bench's
// main (scripts/bench/main.ts) calls `measureCardChart` with its harness, or it runs alone:
// `npm run build && node scripts/bench/card-chart.ts` (BENCH_SAMPLES pairs, default 40).
// Runs under plain `node`: erasable TypeScript only.
import type { Page } from 'playwright-core';
import { SAMPLE_HASHES } from '../../test/mock-api/samples.ts';
import { withChrome, withExtension, type ExtensionHarness } from '../lib/extension-session.ts';
import { runScript } from '../lib/run-script.ts';
import { seedSeries, storeHistoryScript } from '../lib/seed-history.ts';
import { median, pairedRatios, quantile } from './statistics.ts';

/** The goal: the chart costs at most half again the page without it. */
export const CARD_CHART_GOAL = 1.5;

export interface CardChartSamples {
  /** ms, navigation start → chart drawn, next frame begun. */
  withHistory: number[];
  /** ms, navigation start → history section answered (no chart), next frame begun. */
  without: number[];
  ratios: number[];
  /** Points in the seeded history. */
  points: number;
}

const WITH_HISTORY = SAMPLE_HASHES.active;
const WITHOUT_HISTORY = SAMPLE_HASHES.byok;

/** Puts 90 days of history for the active sample (in the first account) into storage.local. */
async function seed(h: ExtensionHarness): Promise<number> {
  const page = await h.openPage('options.html');
  try {
    const accountId = await withChrome(page, async (chrome) => {
      const { settings } = (await chrome.storage.local.get('settings')) as {
        settings?: { accounts?: { id: string }[] };
      };
      return settings?.accounts?.[0]?.id ?? 'my-account';
    });
    const series = seedSeries({ hash: WITH_HISTORY, accountId, now: new Date() });
    await page.evaluate(storeHistoryScript([series]));
    return series.t.length;
  } finally {
    await page.close();
  }
}

/** Opens the card page of `hash` and times it, from navigation start, to the frame after `ready`. */
async function timeCard(h: ExtensionHarness, hash: string, chart: boolean): Promise<number> {
  const page: Page = await h.context.newPage();
  try {
    await page.goto(new URL(`card.html#${hash}`, h.popupUrl).href);
    return await page.evaluate(
      (chart) =>
        new Promise<number>((resolve) => {
          const ready = () =>
            chart
              ? performance.getEntriesByName('spend-chart-drawn').length > 0
              : document.querySelector('.spend-history') !== null;
          const poll = () =>
            ready() ? requestAnimationFrame(() => resolve(performance.now())) : requestAnimationFrame(poll);
          poll();
        }),
      chart,
    );
  } finally {
    await page.close();
  }
}

/** `samples` pairs, alternating which page goes first. */
export async function measureCardChart(h: ExtensionHarness, samples: number): Promise<CardChartSamples> {
  const points = await seed(h);
  // Warm-up: both pages once, so neither pays for the worker's first start or the first read.
  await timeCard(h, WITHOUT_HISTORY, false);
  await timeCard(h, WITH_HISTORY, true);
  const withHistory: number[] = [];
  const without: number[] = [];
  for (let i = 0; i < samples; i++) {
    if (i % 2 === 0) {
      without.push(await timeCard(h, WITHOUT_HISTORY, false));
      withHistory.push(await timeCard(h, WITH_HISTORY, true));
    } else {
      withHistory.push(await timeCard(h, WITH_HISTORY, true));
      without.push(await timeCard(h, WITHOUT_HISTORY, false));
    }
  }
  return { withHistory, without, ratios: pairedRatios(withHistory, without), points };
}

/** One line per figure, for a person or the bench's table. */
export function cardChartLines(result: CardChartSamples): string[] {
  const spread = (values: number[], unit: string, digits: number) =>
    `${median(values).toFixed(digits)}${unit} (p25–p75 ${quantile(values, 0.25).toFixed(digits)}${unit} – ${quantile(values, 0.75).toFixed(digits)}${unit})`;
  const ratio = median(result.ratios);
  return [
    `Card page with 90 days of history (${result.points} points): chart drawn ÷ the same page without history (paired, ${result.ratios.length} pairs): ${spread(result.ratios, '×', 2)}; goal ≤ ${CARD_CHART_GOAL.toFixed(2)}× → ${ratio <= CARD_CHART_GOAL ? 'pass' : 'FAIL'}`,
    `  with history: navigation start → chart drawn, next frame: ${spread(result.withHistory, ' ms', 1)}`,
    `  without history: navigation start → history section answered, next frame: ${spread(result.without, ' ms', 1)}`,
  ];
}

if (import.meta.main) {
  runScript(async () => {
    const samples = Math.max(10, Number(process.env.BENCH_SAMPLES ?? 40) || 40);
    await withExtension({ viewport: { width: 1024, height: 900 } }, async ({ h }) => {
      for (const line of cardChartLines(await measureCardChart(h, samples))) console.log(line);
    });
  });
}
