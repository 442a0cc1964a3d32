import type { WatchedView } from '@/utils/watch/view';
import { Sparkline } from './Sparkline';

export interface WatchedListProps {
  entries: WatchedView[];
  /** A check is under way. */
  checking: boolean;
  /** Why the last "Check now" could not run, in words. */
  checkError?: string;
  onPick: (hash: string) => void;
  onCheckNow: () => void;
}

/**
 * The watched keys: name, account (when several), status, spend against the limit, expiry, when
 * each was checked, where its spend is heading and a sparkline of it. What needs attention is said in words ("90% of limit used", "Disabled"),
 * never by colour alone. Choosing one looks it up.
 */
export function WatchedList({ entries, checking, checkError, onPick, onCheckNow }: WatchedListProps) {
  if (entries.length === 0) return null;
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
        {entries.map((entry) => (
          <li key={`${entry.accountId}/${entry.hash}`}>
            <button type="button" class="history__item" title={entry.hash} onClick={() => onPick(entry.hash)}>
              {/* One line of text per row, words apart, for assistive tools; attention said in words. */}
              <b class="history__name">{entry.account ? `${entry.name} · ${entry.account}` : entry.name}</b>{' '}
              {entry.status && <span class={`badge badge--${entry.status.tone}`}>{entry.status.text}</span>}{' '}
              <span class="watched__facts">{entry.facts ? `${entry.facts} · ${entry.checked}` : entry.checked}</span>{' '}
              <Sparkline values={entry.spark} />{' '}
              {entry.pace && (
                <span class={entry.pace.warning ? 'watched__pace watched__pace--warning' : 'watched__pace'}>
                  {entry.pace.warning ? '⚠ Warning: ' : ''}
                  {entry.pace.text}
                </span>
              )}{' '}
              {entry.attention.length > 0 && (
                <strong class="watched__attention">Needs attention: {entry.attention.join(', ')}</strong>
              )}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
