// One timed lookup in a page of ours or of the reference extension, from Enter to the card
// painted, with each step between: the page's (instrument.ts), the worker's (worker-probe.ts) and
// the display frame the card was painted in (frames.ts).
// Runs under plain `node`: erasable TypeScript only.
import type { Page, Worker } from 'playwright-core';
import { framesAfter } from './frames.ts';
import { stamps, type Stamps } from './instrument.ts';
import { elapsed } from './statistics.ts';
import { takeProbe, type Probe } from './worker-probe.ts';
import { firstSteps, type WorkerSteps } from './worker-steps.ts';
import { workerAnswered } from './worker.ts';

/** One display frame at 60 Hz: the phases of Enter are spread over one. */
export const FRAME_MS = 1000 / 60;

/** One extension's page with "Key hash" holding the hash, and the way to its worker. */
export interface Side {
  /** `floor`: the reference carrying our worker's script, for cold lookups only. */
  name: 'ours' | 'reference' | 'floor';
  page: Page;
  extensionId: string;
  /** Its running worker (a new one after a restart), if any. */
  worker(): Worker | undefined;
  /** The type of its lookup message. */
  lookupType: string;
  /** The display's frame interval, measured in this page. */
  frameMs: number;
}

export interface LookupTiming {
  /** Enter → card painted. */
  totalMs: number;
  /** In which display frame after Enter's own the card was painted (1: the first). */
  frames: number;
  /** Enter → the lookup message left the page. */
  toSendMs: number | null;
  /** Message sent → reply back in the page. */
  workerMs: number | null;
  /** Enter → card in the DOM. */
  toDomMs: number | null;
  /** Reply → card in the DOM: the page's render. */
  renderMs: number | null;
  /** Card in the DOM → the next frame begins: waiting for the display's beat. */
  frameWaitMs: number | null;
  /** Frame begins → painted: style, layout and paint of the card. */
  paintMs: number | null;
  cached: boolean;
  /** Every message the page sent from Enter until the card was painted, by type. */
  sentTypes: string[];
  /** The lookup message inside the worker; null when the worker could not be asked. */
  worker: WorkerSteps | null;
  /** Wall-clock ms (epoch) when the lookup message was sent. */
  sentEpoch: number | null;
  /** The worker's start (for a cold lookup): its clock's origin and when its script ran. */
  probe: Pick<Probe, 'timeOrigin' | 'startedAt' | 'evaluatedAt'> | null;
  /** The lookup message's arrival in the worker, in the worker's clock. */
  receivedAt: number | null;
}

/** Waits for the next animation frame of the page and gives its timestamp: a point on the display's beat. */
export function frameStamp(page: Page): Promise<number> {
  return page.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(resolve)));
}

/** The page's display frame interval, from 30 consecutive frames. */
export async function measureFrameMs(page: Page): Promise<number> {
  // Only the tab in front gets every frame.
  await page.bringToFront();
  return page.evaluate(async () => {
    const stamps: number[] = [];
    await new Promise<void>((resolve) => {
      const next = (at: number) => {
        stamps.push(at);
        if (stamps.length < 31) requestAnimationFrame(next);
        else resolve();
      };
      requestAnimationFrame(next);
    });
    return ((stamps.at(-1) ?? NaN) - (stamps[0] ?? NaN)) / (stamps.length - 1);
  });
}

/**
 * Presses Enter in "Key hash" (already holding the hash) and waits until a new card is painted.
 * Throws with the page's words when an alert comes instead.
 */
export async function timedLookup(side: Side, sample = 0): Promise<LookupTiming> {
  const { page } = side;
  // A tab behind another gets its frames throttled to a few a second once it has drawn a card:
  // the side measured is the one in front, as a popup is.
  await page.bringToFront();
  // What the worker recorded before this lookup is not this lookup's.
  await takeProbe(side.worker());
  const gridAt = await frameStamp(page);
  await enterAtPhase(page, sample);
  await page.waitForFunction(() => (window as unknown as { __bench: Stamps }).__bench.outcomeAt !== null);
  const [s, timeOrigin] = await Promise.all([stamps(page), page.evaluate(() => performance.timeOrigin)]);
  if (s.outcome !== 'card')
    throw new Error(`The ${side.name} lookup showed "${s.outcome ?? ''}" instead of a key card`);
  // A page that answered from its own memory sent no message: a stopped worker stays stopped.
  if (s.repliedAt !== null) workerAnswered(side.extensionId);
  const probe = await takeProbe(side.worker());
  const received = probe?.messages.find((message) => message.type === side.lookupType);
  return {
    totalMs: (s.outcomeAt ?? NaN) - (s.enterAt ?? NaN),
    frames: framesAfter({ gridAt, eventAt: s.enterAt ?? NaN, paintedAt: s.outcomeAt ?? NaN, interval: side.frameMs }),
    toSendMs: elapsed(s.enterAt, s.sentAt),
    workerMs: elapsed(s.sentAt, s.repliedAt),
    toDomMs: elapsed(s.enterAt, s.insertedAt),
    renderMs: elapsed(s.repliedAt, s.insertedAt),
    frameWaitMs: elapsed(s.insertedAt, s.frameAt),
    paintMs: elapsed(s.frameAt, s.outcomeAt),
    cached: s.cached,
    sentTypes: s.sentTypes,
    worker: firstSteps(probe, side.lookupType),
    sentEpoch: s.sentAt === null ? null : timeOrigin + s.sentAt,
    probe: probe && { timeOrigin: probe.timeOrigin, startedAt: probe.startedAt, evaluatedAt: probe.evaluatedAt },
    receivedAt: received?.receivedAt ?? null,
  };
}

/**
 * The share of a frame, in ms, at which sample `sample` presses Enter: a different one for each
 * sample (golden-ratio steps cover the frame evenly for any sample count), the same for the same
 * sample on either side of a pair. A person's keypress comes at any moment of a frame; without
 * this every Enter would come at one moment.
 */
export function phaseMs(sample: number): number {
  return ((sample * 0.618034) % 1) * FRAME_MS;
}

/**
 * Presses Enter in "Key hash" at `phaseMs(sample)` after a frame begins, from inside the page:
 * a keydown, then the form's submission, which is what Enter in the field does. A key sent
 * through the browser (Playwright's press, after a timer in Node) lands a few ms off the phase
 * asked for, differently on each side of a pair, and a card that lands in another frame then
 * decides the pair's ratio; timed in the page, both sides press at the phase asked for.
 */
export function enterAtPhase(page: Page, sample: number): Promise<void> {
  return page.getByLabel('Key hash').evaluate(
    (field, afterMs) =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() =>
          setTimeout(() => {
            const input = field as HTMLInputElement;
            const enter = new KeyboardEvent('keydown', {
              key: 'Enter',
              code: 'Enter',
              bubbles: true,
              cancelable: true,
            });
            if (input.dispatchEvent(enter)) input.form?.requestSubmit();
            resolve();
          }, afterMs),
        ),
      ),
    phaseMs(sample),
  );
}

/** A cached card is followed by a refresh; the next sample starts once it is done. */
export async function waitForRefresh(page: Page): Promise<void> {
  await page.waitForFunction(
    () => !(document.querySelector('.popup-result')?.textContent ?? '').includes('Refreshing…'),
  );
}

/** As a person opens the popup again: a new page, its start reply, "Key hash" holding `hash`. */
export async function reopenPopup(page: Page, hash: string): Promise<void> {
  await page.reload();
  await page.getByLabel('Key hash').fill(hash);
}

/** Esc in "Key hash" (the card goes, the empty popup's lists come back, settled), then `hash` typed again. */
export async function clearAndRetype(page: Page, hash: string): Promise<void> {
  const field = page.getByLabel('Key hash');
  await field.press('Escape');
  await page.locator('.history, .history__empty').first().waitFor();
  // The list shows at once with what the popup holds; the history and watched keys Esc asks the
  // worker for land within a few frames, and must not land inside the lookup measured next.
  await page.waitForTimeout(150);
  await field.fill(hash);
}
