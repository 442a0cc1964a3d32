// The reference extension's page: the least a page can do around our card. Enter sends the hash
// to the worker and renders the same card component, with the same CSS, from the reply; with
// `data-remember` on <body> (set by the bench), a hash answered before is drawn at once from the
// page's memory, with no message: the floor of a cached card. "Look up all" sends every hash of
// the list through the worker, REFERENCE_CONCURRENCY at once, and adds a row per answer.
import { render } from 'preact';
import { browser } from 'wxt/browser';
import { REFERENCE_CONCURRENCY, type ReferenceReply, type ReferenceRequest } from './messages';
import { KeyCard } from './product';

const ask = (hash: string): Promise<ReferenceReply> =>
  browser.runtime.sendMessage({ type: 'lookup', hash } satisfies ReferenceRequest);
const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const field = byId<HTMLInputElement>('hash');
const result = byId<HTMLElement>('result');
const remembered = new Map<string, ReferenceReply>();
let answers = 0;

function show(reply: ReferenceReply): void {
  // A new key each time: the card is drawn anew, as our popup draws each answer.
  answers += 1;
  render(
    reply.ok ? (
      <KeyCard key={answers} apiKey={reply.key} now={new Date()} />
    ) : (
      <p key={answers} role="alert">
        {reply.error}
      </p>
    ),
    result,
  );
}

byId<HTMLFormElement>('lookup').addEventListener('submit', (event) => {
  event.preventDefault();
  const hash = field.value.trim();
  const known = remembered.get(hash);
  if (known && document.body.hasAttribute('data-remember')) return show(known);
  void ask(hash).then((reply) => {
    remembered.set(hash, reply);
    show(reply);
  });
});

const rows = byId<HTMLTableSectionElement>('rows');
const progress = byId<HTMLElement>('progress');

byId<HTMLButtonElement>('run').addEventListener('click', () => {
  const hashes = byId<HTMLTextAreaElement>('hashes').value.split(/\s+/).filter(Boolean);
  void lookUpAll(hashes);
});

async function lookUpAll(hashes: string[]): Promise<void> {
  rows.replaceChildren();
  let next = 0;
  let done = 0;
  progress.textContent = `0 of ${hashes.length}`;
  const lane = async () => {
    for (let index = next++; index < hashes.length; index = next++) {
      const hash = hashes[index] ?? '';
      const reply = await ask(hash);
      rows.append(rowOf(hash, reply));
      done += 1;
      progress.textContent = `${done} of ${hashes.length}`;
    }
  };
  await Promise.all(Array.from({ length: REFERENCE_CONCURRENCY }, lane));
}

function rowOf(hash: string, reply: ReferenceReply): HTMLTableRowElement {
  const row = document.createElement('tr');
  const code = document.createElement('code');
  code.title = hash;
  code.textContent = `${hash.slice(0, 8)}…`;
  const name = document.createElement('td');
  name.textContent = reply.ok ? (reply.key.name ?? 'unknown') : reply.error;
  row.append(document.createElement('td'), name);
  row.firstElementChild?.append(code);
  return row;
}
