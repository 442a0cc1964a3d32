import { checkBaseUrl } from './base-url';
import { checkManagementKey } from './management-key-input';
import { MAX_ACCOUNTS } from '../settings/settings';

/** Longer than any name a person gives an account; more is a paste of something else. */
export const MAX_ACCOUNT_NAME_LENGTH = 60;

/** One account as the options page sends it. */
export interface AccountInput {
  /** The saved account's id; absent for an account added on the page and not saved yet. */
  id?: string;
  name: string;
  baseUrl: string;
  /** Absent: keep the saved key. */
  managementKey?: string;
}

/** An account that passed every check: name trimmed, base URL normalized, key trimmed. */
export type CheckedAccount = Required<Pick<AccountInput, 'name' | 'baseUrl'>> & Omit<AccountInput, 'name' | 'baseUrl'>;

export type AccountField = 'name' | 'baseUrl' | 'managementKey';
export type AccountFieldErrors = Partial<Record<AccountField, string>>;

export type AccountsCheck =
  | { ok: true; accounts: CheckedAccount[] }
  /** `accountErrors[i]` is for the i-th account ({} when it is fine); `listError` for the list itself. */
  | { ok: false; accountErrors: AccountFieldErrors[]; listError?: string };

export const ACCOUNT_MESSAGES = {
  nameEmpty: 'Give the account a name, e.g. Production.',
  nameTooLong: `The account name is too long (over ${MAX_ACCOUNT_NAME_LENGTH} characters).`,
  nameTaken: 'Another account already has this name. Give each account its own.',
  newKeyMissing: 'Enter the management key of this account.',
  none: 'Keep at least one account.',
  tooMany: `You can have up to ${MAX_ACCOUNTS} accounts.`,
} as const;

/** Names are told apart as a reader would: "Production" and " production " are the same name. */
const sameName = (name: string) => name.normalize('NFC').trim().toLocaleLowerCase('en');

/**
 * Checks every field of every account, as the single-key options did for their fields: each bad
 * value gets its own message, so that the page can say it beside its field. A new account needs a
 * key; a saved one keeps its key unless a new one is typed.
 */
export function checkAccounts(inputs: readonly AccountInput[]): AccountsCheck {
  const accountErrors = inputs.map((): AccountFieldErrors => ({}));
  const accounts: CheckedAccount[] = [];
  const seen = new Set<string>();
  for (const [index, input] of inputs.entries()) {
    const errors = accountErrors[index] ?? {};
    const name = input.name.trim();
    if (name === '') errors.name = ACCOUNT_MESSAGES.nameEmpty;
    else if (name.length > MAX_ACCOUNT_NAME_LENGTH) errors.name = ACCOUNT_MESSAGES.nameTooLong;
    else if (seen.has(sameName(name))) errors.name = ACCOUNT_MESSAGES.nameTaken;
    seen.add(sameName(name));

    const baseUrl = checkBaseUrl(input.baseUrl);
    if (!baseUrl.ok) errors.baseUrl = baseUrl.message;

    const typed = input.managementKey === undefined || input.managementKey.trim() === '' ? null : input.managementKey;
    const key = typed === null ? null : checkManagementKey(typed);
    if (key && !key.ok) errors.managementKey = key.message;
    else if (key === null && input.id === undefined) errors.managementKey = ACCOUNT_MESSAGES.newKeyMissing;

    if (baseUrl.ok && Object.keys(errors).length === 0) {
      accounts.push({
        ...(input.id === undefined ? {} : { id: input.id }),
        name,
        baseUrl: baseUrl.baseUrl,
        ...(key?.ok ? { managementKey: key.key } : {}),
      });
    }
  }
  const listError =
    inputs.length === 0 ? ACCOUNT_MESSAGES.none : inputs.length > MAX_ACCOUNTS ? ACCOUNT_MESSAGES.tooMany : undefined;
  if (listError !== undefined || accounts.length < inputs.length) {
    return listError === undefined ? { ok: false, accountErrors } : { ok: false, accountErrors, listError };
  }
  return { ok: true, accounts };
}

/**
 * Ids a request names that are not saved accounts, or that it names twice. A page never sends
 * these; a request that does is refused whole, like any other bad payload.
 */
export function unknownAccountIds(inputs: readonly { id?: string }[], savedIds: readonly string[]): string[] {
  const named = inputs.flatMap((input) => (input.id === undefined ? [] : [input.id]));
  return named.filter((id, index) => !savedIds.includes(id) || named.indexOf(id) !== index);
}
