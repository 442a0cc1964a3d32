import type { RefObject } from 'preact';
import { useRef } from 'preact/hooks';
import { formatRelative, shortenHash } from '@/utils/format';
import { displayName } from '@/utils/key-name';
import type { HistoryItem } from '@/utils/lookup/views';

export interface HistoryListProps {
  entries: HistoryItem[];
  now: Date;
  onPick: (hash: string) => void;
  onClear: () => void;
  /** Set to the first entry's button, so that ArrowDown in the page's input can move there. */
  firstEntryRef?: RefObject<HTMLButtonElement>;
  /** ArrowUp on the first entry: the page moves focus back to its input. */
  onLeaveUp?: () => void;
}

/** The last lookups; arrow keys move between them, Enter or a click looks one up again. */
export function HistoryList({ entries, now, onPick, onClear, firstEntryRef, onLeaveUp }: HistoryListProps) {
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  if (entries.length === 0) {
    return <p class="muted history__empty">Lookups you make appear here.</p>;
  }
  function onKeyDown(event: KeyboardEvent) {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const items = buttons.current.slice(0, entries.length);
    const at = items.indexOf(event.target as HTMLButtonElement);
    const next = event.key === 'ArrowDown' ? Math.min(at + 1, items.length - 1) : at - 1;
    event.preventDefault();
    // Up from the first entry goes back to the input, where typing continues.
    if (next < 0) onLeaveUp?.();
    else items[next]?.focus();
  }
  return (
    <section class="history" aria-labelledby="history-heading">
      <div class="history__header">
        <h2 id="history-heading" class="history__heading">
          Recent lookups
        </h2>
        <button type="button" class="button--small" onClick={onClear}>
          Clear history
        </button>
      </div>
      <ul class="history__list" onKeyDown={onKeyDown}>
        {entries.map((entry, index) => {
          const name = displayName(entry.name);
          const when = formatRelative(new Date(entry.at), now);
          const account = entry.account === undefined ? '' : `, ${entry.account}`;
          return (
            <li key={`${entry.accountId}/${entry.hash}`}>
              <button
                type="button"
                class="history__item"
                ref={(button) => {
                  buttons.current[index] = button;
                  if (index === 0 && firstEntryRef) firstEntryRef.current = button;
                }}
                title={entry.hash}
                // Every visible word is in the name, in the order shown (WCAG 2.5.3, label in name).
                aria-label={`Look up ${name}${account}, ${entry.status.text}, ${shortenHash(entry.hash)}, ${when}`}
                onClick={() => onPick(entry.hash)}
              >
                {/* The spaces keep the words apart in the text that assistive tools read. */}
                <span class="history__name">
                  {name}
                  {entry.account !== undefined && <span class="history__account"> · {entry.account}</span>}
                </span>{' '}
                <span class={`badge badge--${entry.status.tone}`}>{entry.status.text}</span>{' '}
                <code class="history__hash mono">{shortenHash(entry.hash)}</code>{' '}
                <span class="history__when muted">{when}</span>
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
