import { formatDurationRounded, formatUsdRounded, formatUsdShort } from '../format';
import type { Pace } from './pace';

/** A projection in words; `warning` when the limit would be reached before the reset. */
export interface PaceWords {
  text: string;
  warning: boolean;
}

export const TOO_EARLY_TEXT = 'Too early in the period to project';
export const NO_SPEND_TEXT = 'No spend yet this period: nothing to project';

/**
 * "At this pace: about $48 by the reset (limit $100)", or "At this pace the limit is reached in
 * about 3 h, before the reset in 7 h". `pace` was worked out when the API answered; `now` may be
 * later (a watched key checked an hour ago), so times are said from now, and a projection whose
 * reset has passed says nothing. Null where there is nothing to say (no limit, no reset, limit
 * already reached: the badge says that).
 */
export function paceWords(pace: Pace | null, now: Date): PaceWords | null {
  if (pace === null || pace.kind === 'reached') return null;
  if (pace.resetAt.getTime() <= now.getTime()) return null;
  if (pace.kind === 'too_early') return { text: TOO_EARLY_TEXT, warning: false };
  if (pace.kind === 'no_spend') return { text: NO_SPEND_TEXT, warning: false };
  const reset = formatDurationRounded(pace.resetAt.getTime() - now.getTime());
  if (pace.runsOutAt !== null) {
    const left = pace.runsOutAt.getTime() - now.getTime();
    const when = left <= 0 ? 'about now' : `in about ${formatDurationRounded(left)}`;
    return { text: `At this pace the limit is reached ${when}, before the reset in ${reset}`, warning: true };
  }
  return {
    text: `At this pace: about ${formatUsdRounded(pace.projected)} by the reset (limit ${formatUsdShort(pace.limit)})`,
    warning: false,
  };
}

/** The short form for one line (the address bar's suggestion): "runs out in ~3 h"; else null. */
export function runsOutShort(pace: Pace | null, now: Date): string | null {
  if (pace?.kind !== 'projected' || pace.runsOutAt === null || pace.resetAt.getTime() <= now.getTime()) return null;
  const left = pace.runsOutAt.getTime() - now.getTime();
  return left <= 0 ? 'runs out about now' : `runs out in ~${formatDurationRounded(left)}`;
}
