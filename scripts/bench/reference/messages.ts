// The reference extension's messages: its page asks its worker to look a hash up; its list page
// asks for the list of recent lookups the bench stored.
import type { ApiKey, HistoryItem } from './product';

export interface ReferenceRequest {
  type: 'lookup';
  hash: string;
}

export type ReferenceReply = { ok: true; key: ApiKey } | { ok: false; error: string };

export interface ReferenceListRequest {
  type: 'list';
}

export interface ReferenceListReply {
  entries: HistoryItem[];
}

/** The name of the reference's worker script: not ours (background.js), so the bench tells them apart. */
export const REFERENCE_WORKER = 'reference-worker.js';

/** The reference's one page, relative to the extension's root. */
export const REFERENCE_PAGE = 'page.html';

/**
 * The reference's list page: the least a page can do to show the popup's history list. It sends
 * one message as its script starts and draws the same list component, with the same CSS, from
 * the reply: the floor of "history shown".
 */
export const REFERENCE_LIST_PAGE = 'list.html';

/** Where the bench stores the mock's base URL and management key for the reference's worker. */
export interface ReferenceConfig {
  baseUrl: string;
  managementKey: string;
}

/** Where the bench stores the list the reference's worker answers `list` with. */
export interface ReferenceList {
  history: HistoryItem[];
}

/** How many lookups the reference's bulk run keeps in flight, as our bulk page's default does. */
export const REFERENCE_CONCURRENCY = 4;
