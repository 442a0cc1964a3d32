import { formatList, formatUtcClock, parseTime } from '../format';
import { MINUTE_MS, SECOND_MS } from '../time';
import type { LookupError } from './lookup-error';

export interface ErrorMessage {
  title: string;
  body: string;
  /** The API's own error.message, shown apart as "The API said: …". */
  detail?: string;
  /** The fix is in the options page: the notice offers a button to open it. */
  action?: 'open_options';
  /** With several accounts: each account that could not be asked, and why, in its own words. */
  accounts?: Array<{ name: string; message: ErrorMessage }>;
}

/** The words a user reads for each way a lookup can fail. */
export function describeLookupError(error: LookupError, now: Date): ErrorMessage {
  switch (error.kind) {
    case 'not_configured':
      return {
        title: 'No management key saved',
        body: 'Add your ModelGates management key in the options to look up keys.',
        action: 'open_options',
      };
    case 'locked':
      return {
        title: 'Locked',
        body: 'The saved management keys are encrypted. Enter your passphrase to unlock them; nothing was sent.',
      };
    case 'unauthorized':
      return withDetail(error.detail, {
        title: 'Management key rejected',
        body: 'The API refused the saved management key (401). Check it or replace it in the options.',
        action: 'open_options',
      });
    case 'not_found':
      return withDetail(error.detail, {
        title: 'No key with this hash',
        body: 'There is no API key with this hash in this account (404).',
      });
    case 'rate_limited':
      return withDetail(error.detail, {
        title: 'Too many requests',
        body: retryText(error.retryAt, now),
      });
    case 'server_error':
      return withDetail(error.detail, {
        title: 'ModelGates server error',
        body: `The API answered ${error.status}. Try again in a minute.`,
      });
    case 'http_error':
      return withDetail(error.detail, {
        title: 'Unexpected answer from the API',
        body: `The API answered ${error.status}.`,
      });
    case 'timeout':
      return {
        title: 'The API did not answer in time',
        body: `No answer within ${plural(error.seconds, 'second')}.`,
      };
    case 'network':
      return {
        title: 'Could not reach the API',
        body: error.withoutGrant
          ? `Could not connect to ${error.origin}. The extension has no access grant for it, so the request went out as a cross-origin request, which the server may refuse. Grant access in the options.`
          : `Could not connect to ${error.origin}. Check your internet connection and the API base URL in the options.`,
        action: 'open_options',
      };
    case 'redirected':
      return {
        title: 'The API redirected the request',
        // In the browser a redirect that is not followed arrives as an opaque answer with status 0:
        // the real code is unknown then, so none is quoted.
        body: `The API answered with a redirect${error.status >= 300 && error.status < 400 ? ` (${error.status})` : ''}. It was not followed, so the management key was not sent elsewhere. Check the API base URL in the options.`,
        action: 'open_options',
      };
    case 'bad_response':
      return {
        title: 'Unreadable answer from the API',
        body: `The answer (status ${error.status}) ${BAD_RESPONSE_REASONS[error.reason]}.`,
      };
    case 'invalid_request':
      return { title: 'Request refused', body: error.message };
    case 'cancelled':
      return { title: 'Lookup replaced', body: 'A newer lookup took the place of this one.' };
    case 'interrupted':
      return {
        title: 'The lookup was interrupted',
        body: 'The extension stopped in the background before the answer came. Try again.',
      };
    case 'not_in_accounts':
      return describeAcrossAccounts(error, now);
    default: {
      // A new kind of LookupError fails to compile here until it has its own words; at run time
      // (a message from an older or newer build) the user still gets a sentence, not a crash.
      const unknown: never = error;
      return { title: 'Lookup failed', body: `The lookup failed (${String((unknown as { kind: unknown }).kind)}).` };
    }
  }
}

/** Where the key was not found, and which accounts could not be asked: one line each. */
function describeAcrossAccounts(error: Extract<LookupError, { kind: 'not_in_accounts' }>, now: Date): ErrorMessage {
  const { notFoundIn, failed } = error;
  const count = notFoundIn.length + failed.length;
  const names = (refs: { name: string }[]) => formatList(refs.map((ref) => ref.name));
  if (failed.length === 0) {
    return {
      title: `No key with this hash in any of your ${count} accounts`,
      body: `${names(notFoundIn)} each answered that there is no API key with this hash (404).`,
    };
  }
  const accounts = failed.map(({ account, error }) => ({
    name: account.name,
    message: describeLookupError(error, now),
  }));
  const message: ErrorMessage = {
    title:
      notFoundIn.length > 0
        ? `No key with this hash in ${names(notFoundIn)}`
        : `None of your ${count} accounts could be asked`,
    body:
      notFoundIn.length > 0
        ? `${names(failed.map(({ account }) => account))} could not be asked, so the key may be there:`
        : 'So the key may be in any of them:',
    accounts,
  };
  return accounts.some((a) => a.message.action === 'open_options') ? { ...message, action: 'open_options' } : message;
}

const BAD_RESPONSE_REASONS: Record<Extract<LookupError, { kind: 'bad_response' }>['reason'], string> = {
  not_json: 'was not JSON',
  shape: 'was not in the documented shape',
  too_large: 'was larger than 1 MB and was not read',
};

function withDetail(detail: string | undefined, message: ErrorMessage): ErrorMessage {
  return detail ? { ...message, detail } : message;
}

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

/** Seconds while the wait is short, minutes under an hour, then the UTC clock time. */
function retryText(retryAt: string | undefined, now: Date): string {
  const at = parseTime(retryAt);
  const wait = at === null ? Number.NaN : at.getTime() - now.getTime();
  if (at === null || Number.isNaN(wait)) return 'Wait a moment before trying again.';
  if (wait <= 0) return 'You can try again now.';
  // Rounded up: trying again a little late works, trying a little early does not.
  const seconds = Math.ceil(wait / SECOND_MS);
  if (seconds < 60) return `Try again in ${plural(seconds, 'second')}.`;
  const minutes = Math.ceil(wait / MINUTE_MS);
  if (minutes < 60) return `Try again in ${plural(minutes, 'minute')}.`;
  return `Try again at ${formatUtcClock(new Date(Math.ceil(at.getTime() / MINUTE_MS) * MINUTE_MS))}.`;
}
