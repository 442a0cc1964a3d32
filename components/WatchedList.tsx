import { deriveBadges } from '@/utils/badges';
import { displayName } from '@/utils/key-name';
import { EXPIRY_WARNING_DAYS } from '@/utils/badges';
import { describeWatch } from '@/utils/watch-words';
import type { WatchedItem } from '@/utils/background/watch-service';
import { StatusBadge } from './StatusBadge';

export interface WatchedListProps {
  entries: WatchedItem[];
  /** The alert thresholds: spend at or over the lowest needs attention. */
  thresholds: number[];
  now: Date;
  /** A check is under way. */
  checking: boolean;
  /** Why the last "Check now" could not run, in words. */
  checkError?: string;
  onPick: (hash: string) => void;
  onCheckNow: () => void;
}

/**
 * The watched keys: name, account (when several), status, spend against the limit, expiry and
 * when each was checked. What needs attention is said in words ("90% of limit used", "Disabled"),
 * never by colour alone. Choosing one looks it up.
 */
export function WatchedList({ entries, thresholds, now, checking, checkError, onPick, onCheckNow }: WatchedListProps) {
  if (entries.length === 0) return null;
  const rules = { thresholds, warningDays: EXPIRY_WARNING_DAYS };
  return (
    <section class="history watched" aria-labelledby="watched-heading">
      <div class="history__header">
        <h2 id="watched-heading" class="history__heading">
          Watched keys
        </h2>
        <button type="button" class="button--small" onClick={onCheckNow} disabled={checking}>
          {checking ? 'Checking…' : 'Check now'}
        </button>
      </div>
      {checkError && (
        <p class="field-error" role="alert">
          {checkError}
        </p>
      )}
      <ul class="history__list">
        {entries.map((entry) => {
          const { state } = entry;
          const words = describeWatch(state, now, rules);
          const badges = state.key && !state.gone ? deriveBadges(state.key, now, EXPIRY_WARNING_DAYS) : [];
          const status = badges.find((b) => ['active', 'disabled', 'status_unknown'].includes(b.id));
          const expiry = badges.find((b) => b.id.startsWith('expir') || b.id === 'no_expiry');
          return (
            <li key={`${entry.accountId}/${entry.hash}`}>
              <button
                type="button"
                class="history__item watched__item"
                title={entry.hash}
                onClick={() => onPick(entry.hash)}
              >
                <span class="history__name">
                  {displayName(state.key?.name)}
                  {entry.account !== undefined && <span class="history__account"> · {entry.account}</span>}
                </span>{' '}
                <span>{status && <StatusBadge badge={status} />}</span>{' '}
                <span class="watched__facts">
                  {[words.spend ?? (state.key ? 'No limit' : null), expiry?.text].filter(Boolean).join(' · ')}
                </span>{' '}
                <span class="history__when muted">{words.checked}</span>
                {words.attention.length > 0 && (
                  <>
                    {' '}
                    <strong class="watched__attention">Needs attention: {words.attention.join(', ')}</strong>
                  </>
                )}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
