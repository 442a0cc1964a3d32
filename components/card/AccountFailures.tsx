import type { ErrorMessage } from '@/utils/lookup/error-message';

export interface AccountFailuresProps {
  /** Each account that could not be asked, with the words its own lookup would have shown. */
  accounts: NonNullable<ErrorMessage['accounts']>;
}

/** One line per account that could not be asked: its name, then why, in today's words. */
export function AccountFailures({ accounts }: AccountFailuresProps) {
  return (
    <ul class="notice__accounts">
      {accounts.map(({ name, message }) => (
        <li key={name}>
          <strong>{name}:</strong> {message.title}. {message.body}
          {message.detail !== undefined && message.detail !== '' && (
            <span class="notice__detail"> The API said: {message.detail}</span>
          )}
        </li>
      ))}
    </ul>
  );
}
