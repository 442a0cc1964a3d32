import { describeLookupError } from '@/utils/lookup/error-message';
import { AccountFailures } from './AccountFailures';
import type { LookupError } from '@/utils/lookup/lookup-error';

export interface ErrorNoticeProps {
  error: LookupError;
  /** For "try again in 30 seconds"; the notice never reads the clock itself. */
  now: Date;
  /** Omitted on the options page itself, where an "Open options" button would lead nowhere. */
  onOpenOptions?: () => void;
}

export function ErrorNotice({ error, now, onOpenOptions }: ErrorNoticeProps) {
  const message = describeLookupError(error, now);
  return (
    <div class="notice notice--error" role="alert">
      <h2 class="notice__title">{message.title}</h2>
      <p class="notice__body">{message.body}</p>
      {message.accounts && <AccountFailures accounts={message.accounts} />}
      {message.detail !== undefined && message.detail !== '' && (
        // The API's own words, kept apart from ours so a user can tell who is speaking.
        <p class="notice__detail">The API said: {message.detail}</p>
      )}
      {message.action === 'open_options' && onOpenOptions && (
        <button type="button" onClick={() => onOpenOptions()}>
          Open options
        </button>
      )}
    </div>
  );
}
