import type { LookupError } from '@/utils/lookup/lookup-error';
import { LazyAnswer } from '@/components/lookup/LazyAnswer';
import { summarize } from '@/utils/panel/summary';
import type { StackCard } from '@/utils/panel/stack';

export interface StackItemProps {
  card: StackCard;
  now: Date;
  /** The field's lookup is refreshing this key (its own Refresh), or could not. */
  refreshing: boolean;
  refreshError?: LookupError;
  onCollapse: (collapsed: boolean) => void;
  onRefresh: () => void;
  onOpenInTab: () => void;
  onOpenOptions: () => void;
}

/**
 * One key on the panel's stack: a line with its name, account, status and spend that collapses
 * the card to itself or opens it again, and below it, while open, the popup's card with its
 * toolbar (Refresh, Copy name, Copy JSON, Watch, Open in a tab) and the hash's Copy.
 */
export function StackItem(props: StackItemProps) {
  const { card, now, refreshing, refreshError, onCollapse, onRefresh, onOpenInTab, onOpenOptions } = props;
  const summary = summarize(card, now);
  const bodyId = `stack-card-${card.hash}`;
  const open = !card.collapsed;
  return (
    <li class={open ? 'stack-card stack-card--open' : 'stack-card'}>
      <button
        type="button"
        class="stack-card__line"
        aria-expanded={open}
        aria-controls={open ? bodyId : undefined}
        title={open ? 'Collapse to one line' : 'Show the whole card'}
        onClick={() => onCollapse(open)}
      >
        <span class="stack-card__name">{summary.name}</span>{' '}
        {summary.account !== undefined && (
          <>
            <span class="stack-card__account">{summary.account}</span>{' '}
          </>
        )}
        <span class={`badge badge--${summary.status.tone}`}>{summary.status.text}</span>{' '}
        <span class="stack-card__spend">{summary.spend}</span>
      </button>
      {open && (
        <div id={bodyId} class="stack-card__body">
          <LazyAnswer
            result={{ ok: true, found: card.found }}
            now={now}
            refreshing={refreshing}
            refreshError={refreshError}
            onRefresh={onRefresh}
            onOpenOptions={onOpenOptions}
            onOpenInTab={onOpenInTab}
          />
        </div>
      )}
    </li>
  );
}
