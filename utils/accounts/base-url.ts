import { DEFAULT_BASE_URL } from '../settings/settings';

export type BaseUrlCheck = { ok: true; baseUrl: string } | { ok: false; message: string };

/** Plain http is only for a local mock or proxy: anywhere else the management key would travel in clear. */
const LOCAL_HOSTS: ReadonlySet<string> = new Set(['localhost', '127.0.0.1']);

export const BASE_URL_MESSAGES = {
  empty: `Enter the API base URL, e.g. ${DEFAULT_BASE_URL}`,
  notAbsolute: `The API base URL must be a full address starting with https://, e.g. ${DEFAULT_BASE_URL}`,
  notHttps: 'The API base URL must start with https://.',
  httpNotLocal: 'The API base URL must use https:// (http:// is allowed only for localhost and 127.0.0.1).',
  credentials: 'The API base URL must not contain a user name or password.',
  query: 'The API base URL must not contain a query (the part after “?”).',
  fragment: 'The API base URL must not contain a fragment (the part after “#”).',
} as const;

/**
 * Checks a base URL typed in the options and normalizes it: lower-case host, no default port,
 * no trailing slash, so `${baseUrl}/keys/…` is the request's URL.
 */
export function checkBaseUrl(text: string): BaseUrlCheck {
  const trimmed = text.trim();
  if (trimmed === '') return refuse('empty');
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return refuse('notAbsolute');
  }
  if (url.protocol === 'http:') {
    if (!LOCAL_HOSTS.has(url.hostname)) return refuse('httpNotLocal');
  } else if (url.protocol !== 'https:') {
    return refuse('notHttps');
  }
  if (url.username !== '' || url.password !== '') return refuse('credentials');
  // The parser drops an empty "?" or "#", so the text itself is checked too: a base URL that
  // ends in "?" would turn "/keys/<hash>" into a query.
  const fragmentAt = trimmed.indexOf('#');
  if (url.search !== '' || trimmed.slice(0, fragmentAt === -1 ? undefined : fragmentAt).includes('?')) {
    return refuse('query');
  }
  if (fragmentAt !== -1) return refuse('fragment');
  return { ok: true, baseUrl: `${url.origin}${url.pathname.replace(/\/+$/, '')}` };
}

function refuse(reason: keyof typeof BASE_URL_MESSAGES): BaseUrlCheck {
  return { ok: false, message: BASE_URL_MESSAGES[reason] };
}

/**
 * Match pattern for permissions: 'https://host/*' (port dropped: patterns match any port).
 * Takes a base URL that passed checkBaseUrl; throws a TypeError for one that is not a URL.
 */
export function originPattern(baseUrl: string): string {
  const url = new URL(baseUrl);
  return `${url.protocol}//${url.hostname}/*`;
}

/** Same origin as DEFAULT_BASE_URL; false for anything that is not a URL. */
export function isDefaultOrigin(baseUrl: string): boolean {
  try {
    return new URL(baseUrl).origin === new URL(DEFAULT_BASE_URL).origin;
  } catch {
    return false;
  }
}
