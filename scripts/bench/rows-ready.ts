// The popup's start, row by row: ready and history against the blank page, and the steps between.
// Runs under plain `node`: erasable TypeScript only.
import type { PageSteps, ReadySamples } from './popup-ready.ts';
import { defined, elapsed, measuredPairs, median, pairedRatios } from './statistics.ts';
import { mb, ms, row, single, times, versus, type Row } from './table.ts';

/** Issue 21's goals for the popup's start. */
export const READY_GOALS = { readyToBlank: 1.05, historyToBlank: 1.3 };

const at = (steps: PageSteps[], step: (s: PageSteps) => number | null) => defined(steps.map(step));

/**
 * For each popup that did both, ms from "Key hash" focused (its first frame: the prerendered field
 * painted and focused) to its start message sent, negative where the message left first; and how
 * many popups ran that frame before their scripts had sent the message. A frame ahead of the
 * scripts holds the page's one thread, so the message, and the history after it, wait for it.
 */
export function firstFrameAhead(popup: PageSteps[]): { leadsMs: number[]; ahead: number } {
  const leadsMs = defined(popup.map((s) => elapsed(s.focusedAt, s.firstSentAt)));
  return { leadsMs, ahead: leadsMs.filter((lead) => lead > 0).length };
}

export function readyRows({ popup, blank, list, ratios, heap, blankHeap, start }: ReadySamples): Row[] {
  const steps = start.flatMap((s) => (s ? [s] : []));
  const [history, blankForHistory] = measuredPairs(
    popup.map((s) => s.historyAt),
    blank.map((s) => s.readyAt),
  );
  const [listShown, blankForList] = measuredPairs(
    list.map((s) => s.historyAt),
    blank.map((s) => s.readyAt),
  );
  const [historyForList, listForHistory] = measuredPairs(
    popup.map((s) => s.historyAt),
    list.map((s) => s.historyAt),
  );
  const frame = firstFrameAhead(popup);
  const both = (what: string, step: (s: PageSteps) => number | null) =>
    versus(`↳ ${what}: popup vs blank page`, at(popup, step), at(blank, step), ms);
  return [
    row(
      'Popup ready ÷ blank extension page with one autofocused field (paired)',
      ratios,
      times,
      READY_GOALS.readyToBlank,
    ),
    both('navigation start → "Key hash" focused and taking text', (s) => s.readyAt),
    both('navigation start → HTML arrived', (s) => s.htmlAt),
    both('navigation start → HTML parsed (module scripts still to run)', (s) => s.parsedAt),
    row(
      '↳ popup: navigation start → #app holds the popup (its prerendered HTML, parsed with the page)',
      at(popup, (s) => s.renderedAt),
      ms,
    ),
    both('navigation start → DOMContentLoaded (module scripts have run)', (s) => s.scriptsRanAt),
    both('navigation start → "Key hash" focused', (s) => s.focusedAt),
    row(
      'Popup: history list shown ÷ blank page ready (paired; one worker reply)',
      pairedRatios(history, blankForHistory),
      times,
      READY_GOALS.historyToBlank,
    ),
    row('↳ popup: navigation start → history list shown', history, ms),
    row(
      '↳ floor: the reference list page (one message as its script starts, the same list drawn): list shown ÷ blank page ready (paired)',
      pairedRatios(listShown, blankForList),
      times,
    ),
    row(
      '↳ popup history shown ÷ the reference list page’s list shown (paired)',
      pairedRatios(historyForList, listForHistory),
      times,
    ),
    versus(
      '↳ navigation start → the message sent: popup vs reference list page',
      at(popup, (s) => s.firstSentAt),
      at(list, (s) => s.firstSentAt),
      ms,
    ),
    versus(
      '↳ navigation start → DOMContentLoaded (module scripts have run): popup vs reference list page',
      at(popup, (s) => s.scriptsRanAt),
      at(list, (s) => s.scriptsRanAt),
      ms,
    ),
    row(
      '↳ popup: navigation start → start message sent',
      at(popup, (s) => s.firstSentAt),
      ms,
    ),
    row(
      '↳ popup: "Key hash" focused (its first frame, the prerendered field painted) → start message sent (negative: the message first)',
      frame.leadsMs,
      ms,
    ),
    single(
      '↳ popups whose first frame ran before their scripts sent the start message',
      `${frame.ahead} of ${frame.leadsMs.length}`,
    ),
    row(
      '↳ popup: start message sent → its reply (the worker: history, watched keys, last lookup)',
      defined(popup.map((s) => elapsed(s.firstSentAt, s.firstRepliedAt))),
      ms,
    ),
    row('↳ worker: start message arrived → reply handed to Chrome', defined(steps.map((s) => s.handlingMs)), ms),
    single(
      '↳ worker: storage calls before that reply (calls, summed ms)',
      steps.length === 0
        ? '–'
        : `${median(steps.map((s) => s.beforeReply.calls))} (${median(steps.map((s) => s.beforeReply.ms)).toFixed(1)} ms: ${[...new Set(steps.flatMap((s) => s.beforeReply.names))].join(', ') || 'none'})`,
    ),
    row(
      '↳ popup: start reply → history list shown (render, frame)',
      defined(popup.map((s) => elapsed(s.firstRepliedAt, s.historyAt))),
      ms,
    ),
    row('Popup JS heap after a lookup (after GC; CDP Runtime.getHeapUsage)', heap, mb),
    row('↳ blank page, same measure', blankHeap, mb),
  ];
}
