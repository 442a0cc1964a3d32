import type { ApiKey } from '@/utils/api-key';
import { formatUpdated } from '@/utils/format';
import { isKeyHash } from '@/utils/hash-input';
import { describeLookupError } from '@/utils/lookup/error-message';
import type { LookupError } from '@/utils/lookup/lookup-error';
import { CopyButton } from './CopyButton';
import { WatchToggle } from './WatchToggle';

export interface CardToolbarProps {
  apiKey: ApiKey;
  /** ISO time the API answered. */
  fetchedAt: string;
  now: Date;
  refreshing: boolean;
  onRefresh: () => void;
  /** Why the last refresh failed, in words; the card shown is then the older one. */
  refreshError?: LookupError;
  /** Given in the popup: opens this card in a tab of its own (the card page has no such button). */
  onOpenInTab?: () => void;
  /** The card's account, for "Watch"; left out when there is one account. */
  accountId?: string;
  /** Whether the key is watched, when the answer said so (else "Watch" asks the worker). */
  watching?: boolean;
}

/** How fresh the card is, and what can be done with it: refresh, copy the name or the card, watch it, open it in a tab. */
export function CardToolbar(props: CardToolbarProps) {
  const { apiKey, fetchedAt, now, refreshing, onRefresh, refreshError, onOpenInTab, accountId, watching } = props;
  return (
    <div class="card-toolbar">
      {/* How fresh it is, and Refresh beside it: the other actions then fit one row of the popup. */}
      <div class="card-toolbar__freshness">
        <p class="card-toolbar__age muted" role="status">
          {refreshing ? 'Refreshing…' : formatUpdated(new Date(fetchedAt), now)}
        </p>
        <button type="button" class="button--small" onClick={onRefresh} disabled={refreshing}>
          Refresh
        </button>
      </div>
      <div class="card-toolbar__actions">
        {apiKey.name !== undefined && <CopyButton text={apiKey.name} label="Copy name" caption="Copy name" />}
        <CopyButton text={JSON.stringify(apiKey, null, 2)} label="Copy JSON of the card" caption="Copy JSON" />
        {isKeyHash(apiKey.hash) && <WatchToggle hash={apiKey.hash} accountId={accountId} known={watching} />}
        {onOpenInTab && (
          <button type="button" class="button--small" onClick={onOpenInTab}>
            Open in a tab
          </button>
        )}
      </div>
      {refreshError && (
        <p class="field-error card-toolbar__error" role="alert">
          Could not refresh: {describeLookupError(refreshError, now).title}. Showing the earlier answer.
        </p>
      )}
    </div>
  );
}
