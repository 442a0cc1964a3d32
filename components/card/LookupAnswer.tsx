import type { LookupError } from '@/utils/lookup/lookup-error';
import { Fragment } from 'preact';
import type { MergedLookup } from '@/utils/lookup/account-answers';
import { CardToolbar } from './CardToolbar';
import { ErrorNotice } from './ErrorNotice';
import { KeyCard } from './KeyCard';

export interface LookupAnswerProps {
  result: MergedLookup;
  now: Date;
  refreshing: boolean;
  /** Why the last refresh failed, in words; the cards shown are then the earlier ones. */
  refreshError?: LookupError;
  onRefresh: () => void;
  onOpenOptions: () => void;
  /** The popup's "Open in a tab" on each card. */
  onOpenInTab?: () => void;
}

/**
 * What a lookup found: a card per account that holds the key (one, nearly always), each naming
 * its account when there are several; or why none was found.
 */
export function LookupAnswer({
  result,
  now,
  refreshing,
  refreshError,
  onRefresh,
  onOpenOptions,
  onOpenInTab,
}: LookupAnswerProps) {
  if (!result.ok) return <ErrorNotice error={result.error} now={now} onOpenOptions={onOpenOptions} />;
  const { found, pending } = result;
  return (
    <>
      {found.map((entry, index) => (
        <Fragment key={entry.account?.id ?? index}>
          <CardToolbar
            apiKey={entry.key}
            fetchedAt={entry.fetchedAt}
            now={now}
            refreshing={refreshing}
            refreshError={refreshError}
            onRefresh={onRefresh}
            onOpenInTab={onOpenInTab}
            accountId={entry.account?.id}
            watching={entry.watching}
          />
          <KeyCard apiKey={entry.key} now={now} account={entry.account?.name} fetchedAt={entry.fetchedAt} />
        </Fragment>
      ))}
      {pending && pending.length > 0 && (
        <p class="muted lookup-pending">Still asking {pending.map((account) => account.name).join(', ')}…</p>
      )}
    </>
  );
}
