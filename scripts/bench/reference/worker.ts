// The reference extension's service worker: the least a worker can do to answer a lookup. It
// answers one message with a fetch of the same URL, with the same headers and options, as our
// worker's (utils/lookup/background/api/key-request.ts), and replies with the key as the API sent it.
// Its base URL and management key are read from storage as it starts, as any worker must.
import { browser } from 'wxt/browser';
import type { ReferenceConfig, ReferenceReply, ReferenceRequest } from './messages';
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

const isLookup = (message: unknown): message is ReferenceRequest =>
  typeof message === 'object' && message !== null && (message as ReferenceRequest).type === 'lookup';

browser.runtime.onMessage.addListener((message: unknown, _sender, reply: (answer: ReferenceReply) => void) => {
  if (!isLookup(message)) return false;
  void lookUp(message.hash).then(reply);
  return true;
});

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
