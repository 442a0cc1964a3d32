import type { ApiKey } from '@/utils/api-key';
import { formatCountdown, formatUsd, formatUtc } from '@/utils/format';
import { nextLimitReset } from '@/utils/card/limit-reset';
import { PaceLine } from './PaceLine';

export interface SpendMeterProps {
  apiKey: ApiKey;
  now: Date;
  /** When the API answered (the projection's clock); `now` when not given. */
  answeredAt?: Date;
}

/** Spend against the key's limit, when the limit starts over, and where the spend is heading. */
export function SpendMeter({ apiKey, now, answeredAt }: SpendMeterProps) {
  const { limit } = apiKey;
  if (limit === null) {
    return (
      <section class="spend" aria-label="Spending limit">
        <p class="spend__line">No spending limit</p>
      </section>
    );
  }
  return (
    <section class="spend" aria-label="Spending limit">
      {limit === undefined ? (
        <UnknownLimit remaining={apiKey.limit_remaining} />
      ) : (
        <LimitFigures limit={limit} remaining={apiKey.limit_remaining} />
      )}
      <ResetLine limitReset={apiKey.limit_reset} now={now} />
      <PaceLine apiKey={apiKey} answeredAt={answeredAt ?? now} now={now} />
    </section>
  );
}

function UnknownLimit({ remaining }: { remaining: number | null | undefined }) {
  return (
    <p class="spend__line">
      <span>Spending limit: unknown</span>
      {typeof remaining === 'number' && <span class="spend__left">{formatUsd(remaining)} left</span>}
    </p>
  );
}

function LimitFigures({ limit, remaining }: { limit: number; remaining: number | null | undefined }) {
  // The spec allows a null limit_remaining, but beside a numeric limit it says nothing usable.
  if (remaining === null || remaining === undefined) {
    return (
      <>
        <p class="spend__line">Limit: {formatUsd(limit)}</p>
        <p class="spend__line spend__line--muted">Remaining: unknown</p>
      </>
    );
  }
  // A limit lowered below what was already spent leaves a negative remainder: that is said as
  // "over the limit" rather than hidden. A remainder above the limit would make "used" negative,
  // which no reader expects, so used stops at $0.00 and the bar stays on its track.
  const used = Math.max(0, limit - remaining);
  return (
    <>
      {limit > 0 && (
        <meter
          class="spend__meter"
          min={0}
          max={limit}
          value={Math.min(used, limit)}
          low={limit * 0.75}
          high={limit * 0.9}
          optimum={0}
          aria-label="Share of the spending limit used"
        />
      )}
      <p class="spend__line">
        <span>
          {formatUsd(used)} of {formatUsd(limit)} used
        </span>
        <span class="spend__left">
          {remaining < 0 ? `${formatUsd(-remaining)} over the limit` : `${formatUsd(remaining)} left`}
        </span>
      </p>
    </>
  );
}

function ResetLine({ limitReset, now }: { limitReset: string | null | undefined; now: Date }) {
  if (limitReset === null) return <p class="spend__reset">Does not reset</p>;
  if (limitReset === undefined) return <p class="spend__reset">Resets: unknown</p>;
  const next = nextLimitReset(limitReset, now);
  if (next === null) return <p class="spend__reset">Resets: {limitReset}</p>;
  return (
    <p class="spend__reset">
      Resets {limitReset.toLowerCase()} ·{' '}
      <time dateTime={next.toISOString()} title={formatUtc(next)}>
        resets in {formatCountdown(next, now)}
      </time>
    </p>
  );
}
