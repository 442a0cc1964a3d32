import type { LookupError } from '@/utils/lookup/lookup-error';
import type { FoundKey } from '@/utils/lookup/account-answers';
import type { KeyHash } from '@/utils/hash-input';
import type { StackCard } from '@/utils/panel/stack';
import { displayName } from '@/utils/key-name';
import { StackItem } from './StackItem';

export interface PanelStackProps {
  /** Null until the worker has sent the stack. */
  cards: StackCard[] | null;
  /** How many times the worker has taken the panel's port (the browser tests wait on it). */
  connections: number;
  now: Date;
  /** The key the field's lookup is refreshing (or could not), with what it says. */
  current: { hash: KeyHash | null; refreshing?: boolean; refreshError?: LookupError } | null;
  onCollapse: (hash: KeyHash, collapsed: boolean) => void;
  onClear: () => void;
  onRefresh: (hash: KeyHash, found: [FoundKey, ...FoundKey[]]) => void;
  onOpenInTab: (hash: KeyHash) => void;
  onOpenOptions: () => void;
}

/** This session's keys, newest first, each a card that collapses to one line; "Clear" empties it. */
export function PanelStack(props: PanelStackProps) {
  const { cards, connections, now, current, onCollapse, onClear, onRefresh, onOpenInTab, onOpenOptions } = props;
  if (cards === null) return null;
  const top = cards[0];
  return (
    <section class="stack" aria-labelledby="stack-heading" data-connections={connections}>
      <div class="stack__header">
        <h2 id="stack-heading" class="stack__heading">
          This session’s keys
        </h2>
        {cards.length > 0 && (
          <button type="button" class="button--small" onClick={onClear}>
            Clear
          </button>
        )}
      </div>
      {/* Says which key came to the top, for those who do not see the list move. */}
      <p class="visually-hidden" role="status">
        {top ? `${displayName(top.found[0].key.name)} is at the top of the list.` : ''}
      </p>
      {cards.length === 0 ? (
        <p class="muted stack__empty">
          Keys you look up here, or with “Look up key hash” while the panel is open, stay listed until the browser
          closes.
        </p>
      ) : (
        <ol class="stack__list">
          {cards.map((card) => {
            const mine = current?.hash === card.hash ? current : null;
            return (
              <StackItem
                key={card.hash}
                card={card}
                now={now}
                refreshing={mine?.refreshing ?? false}
                refreshError={mine?.refreshError}
                onCollapse={(collapsed) => onCollapse(card.hash, collapsed)}
                onRefresh={() => onRefresh(card.hash, card.found)}
                onOpenInTab={() => onOpenInTab(card.hash)}
                onOpenOptions={onOpenOptions}
              />
            );
          })}
        </ol>
      )}
    </section>
  );
}
