// The reference extension's service worker: the least a worker can do to answer a lookup. It
// answers one message with a fetch of the same URL, with the same headers and options, as our
// worker's (utils/lookup/background/api/key-request.ts), and replies with the key as the API sent it.
// Its base URL and management key are read from storage as it starts, as any worker must.
import { browser } from 'wxt/browser';
import type {
  ReferenceConfig,
  ReferenceList,
  ReferenceListReply,
  ReferenceListRequest,
  ReferenceReply,
  ReferenceRequest,
} from './messages';
import type { ApiKey } from './product';

const readConfig = (): Promise<Partial<ReferenceConfig>> => browser.storage.local.get(['baseUrl', 'managementKey']);
// Read as the worker starts, and kept; read again only while the bench has not stored it yet.
let config = readConfig();

async function configured(): Promise<Partial<ReferenceConfig>> {
  const read = await config;
  if (read.baseUrl && read.managementKey) return read;
  config = readConfig();
  return config;
}

// The list, kept as our worker keeps its history once read; read again only while it is empty.
const readList = (): Promise<Partial<ReferenceList>> => browser.storage.local.get('history');
let list = readList();

async function listed(): Promise<ReferenceListReply> {
  let read = await list;
  if (!read.history) read = await (list = readList());
  return { entries: read.history ?? [] };
}

const isLookup = (message: unknown): message is ReferenceRequest =>
  typeof message === 'object' && message !== null && (message as ReferenceRequest).type === 'lookup';
const isList = (message: unknown): message is ReferenceListRequest =>
  typeof message === 'object' && message !== null && (message as ReferenceListRequest).type === 'list';

browser.runtime.onMessage.addListener(
  (message: unknown, _sender, reply: (answer: ReferenceReply | ReferenceListReply) => void) => {
    if (isList(message)) void listed().then(reply);
    else if (isLookup(message)) void lookUp(message.hash).then(reply);
    else return false;
    return true;
  },
);

async function lookUp(hash: string): Promise<ReferenceReply> {
  const { baseUrl, managementKey } = await configured();
  if (!baseUrl || !managementKey) return { ok: false, error: 'The bench has not configured the reference.' };
  try {
    const response = await fetch(`${baseUrl.replace(/\/+$/, '')}/keys/${hash}`, {
      method: 'GET',
      headers: { Authorization: `Bearer ${managementKey}`, Accept: 'application/json' },
      redirect: 'manual',
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
    });
    if (!response.ok) return { ok: false, error: `HTTP ${response.status}` };
    const body = (await response.json()) as { data: ApiKey };
    return { ok: true, key: body.data };
  } catch (error) {
    return { ok: false, error: String(error) };
  }
}
