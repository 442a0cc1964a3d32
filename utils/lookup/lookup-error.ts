/** What a page may know of an account: its id and name, never its key. */
export interface AccountRef {
  id: string;
  name: string;
}

/** An account that could not be asked, and why, in the words one account's lookup has. */
export interface AccountFailure {
  account: AccountRef;
  error: LookupError;
}

/**
 * Every way a lookup can fail, as values. The UI switches over `kind` exhaustively, so a new kind
 * is a compile error until it has its own words.
 */
export type LookupError =
  /** No management key saved yet. */
  | { kind: 'not_configured' }
  /** The keys are encrypted and locked: nothing was sent; the passphrase unlocks them. */
  | { kind: 'locked' }
  /** 401: the management key was rejected. */
  | { kind: 'unauthorized'; detail?: string }
  /** 404: no key with this hash in this account. */
  | { kind: 'not_found'; detail?: string }
  /** 429; `retryAt` (ISO time) when the server said when to try again. */
  | { kind: 'rate_limited'; retryAt?: string; detail?: string }
  /** 5xx. */
  | { kind: 'server_error'; status: number; detail?: string }
  /** Any other status the spec does not describe (400, 403, 418…). */
  | { kind: 'http_error'; status: number; detail?: string }
  /** No answer within the configured timeout. */
  | { kind: 'timeout'; seconds: number }
  /**
   * The base URL could not be reached, or its answer could not be read. `withoutGrant`: the
   * extension had no host grant for the origin (never granted, or revoked: Firefox lets a user
   * revoke even the default origin's), so the request went out as a cross-origin request, which
   * the server may have refused; the browser does not say which.
   */
  | { kind: 'network'; origin: string; withoutGrant?: true }
  /** The API redirected; the request is not followed, so the key never goes elsewhere. */
  | { kind: 'redirected'; status: number }
  /** A body that is not JSON, not the documented shape, or too large to read. */
  | { kind: 'bad_response'; status: number; reason: 'not_json' | 'shape' | 'too_large' }
  /** The request itself was refused before anything was sent (bad hash, forged sender). */
  | { kind: 'invalid_request'; message: string }
  /** A newer lookup replaced this one before it finished; the popup shows the newer one. */
  | { kind: 'cancelled' }
  /** The extension's background stopped before it answered (it can be stopped at any moment). */
  | { kind: 'interrupted' }
  /** Several accounts, and none has the key: the ones that said 404, and the ones that could not
   * be asked, each with its own reason. Both lists are in the order of the accounts. */
  | { kind: 'not_in_accounts'; notFoundIn: AccountRef[]; failed: AccountFailure[] };

export type LookupErrorKind = LookupError['kind'];
