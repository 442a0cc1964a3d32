import { browser } from 'wxt/browser';
import type { MergedLookup } from '../../lookup/account-answers';
import { isKeyHash, type KeyHash, parseHashInput } from '../../hash-input';
import {
  choiceDescription,
  type DescriptionFlavor,
  knownKeySuggestion,
  lookingDescription,
  lookupDescription,
  matchKnownKeys,
  MAX_SUGGESTIONS,
  type OmniboxSuggestion,
  partialDescription,
  secretDescription,
} from '../suggestion';
import { knownKeys } from './known-keys';
import { openCard, type Disposition } from './open-card';
import { cancelLookup, lookUp } from '../../lookup/background/lookup-service';

/** How long typing must pause before a whole hash is looked up: a paste is one event and waits
 * this long only once, while typing a hash by hand does not ask at every character. */
export const TYPING_PAUSE_MS = 250;

type Suggest = (suggestions: OmniboxSuggestion[]) => void;

// Chrome reads descriptions as XML; Firefox shows them as typed.
const flavor: DescriptionFlavor = import.meta.env.FIREFOX ? 'plain' : 'xml';

/** The input being answered: each change makes a new one, and only the newest may paint. */
let current = 0;
/** The pause before a lookup: a newer input ends it early, and the older input then gives up. */
let pause: { timer: ReturnType<typeof setTimeout>; end: () => void } | undefined;
/** The lookup the omnibox started, while its hash is still the one typed. */
let asked: { hash: KeyHash; answer: Promise<MergedLookup> } | undefined;

/** The keyword's listeners, registered synchronously when the worker starts (it may have been
 * woken by the very event they handle). */
export function registerOmniboxListeners(): void {
  browser.omnibox.onInputStarted.addListener(() => setDefault(partialDescription('', 0, flavor)));
  browser.omnibox.onInputChanged.addListener((text, suggest) => void onOmniboxInputChanged(text, suggest));
  browser.omnibox.onInputCancelled.addListener(onOmniboxInputCancelled);
  browser.omnibox.onInputEntered.addListener((text, disposition) => void onOmniboxInputEntered(text, disposition));
}

function setDefault(description: string): void {
  void browser.omnibox.setDefaultSuggestion({ description });
}

/**
 * Answers each change of what follows `mg `: a whole hash is looked up (cache first, every account)
 * after a pause in typing, with "Looking up…" meanwhile; a secret is refused and never sent; any
 * other text suggests keys from the history and the watchlist without a request. A changed input
 * aborts the lookup the omnibox left in flight.
 */
export function onOmniboxInputChanged(text: string, suggest: Suggest): Promise<void> {
  const id = ++current;
  if (pause) {
    clearTimeout(pause.timer);
    pause.end();
  }
  const input = parseHashInput(text);
  const hash = input.kind === 'hash' ? input.hash : undefined;
  if (asked && asked.hash !== hash) {
    cancelLookup('omnibox');
    asked = undefined;
  }
  switch (input.kind) {
    case 'hash':
      return answerHash(input.hash, id, suggest);
    case 'secret':
      setDefault(secretDescription(flavor));
      suggest([]);
      return Promise.resolve();
    case 'choice':
      return suggestChoice(input.hashes, id, suggest);
    case 'empty':
    case 'invalid':
      return suggestKnown(text, id, suggest);
  }
}

async function answerHash(hash: KeyHash, id: number, suggest: Suggest): Promise<void> {
  setDefault(lookingDescription(hash, flavor));
  suggest([]);
  if (!asked) {
    await new Promise<void>((end) => (pause = { timer: setTimeout(end, TYPING_PAUSE_MS), end }));
    if (id !== current) return;
    asked = { hash, answer: lookUp(hash, 'omnibox', { allowCached: true }) };
  }
  const { answer } = asked;
  const result = await answer;
  if (id !== current) return;
  if (asked?.answer === answer) asked = undefined;
  const description = lookupDescription(hash, result, new Date(), flavor);
  setDefault(description);
  // The same words as a row of its own too: choosing it opens the card like Enter does.
  suggest([{ content: hash, description }]);
}

async function suggestChoice(hashes: KeyHash[], id: number, suggest: Suggest): Promise<void> {
  const known = await knownKeys();
  if (id !== current) return;
  setDefault(choiceDescription(hashes.length, flavor));
  suggest(
    hashes
      .slice(0, MAX_SUGGESTIONS)
      .map((hash) => knownKeySuggestion(known.find((k) => k.hash === hash) ?? { hash, name: null }, flavor)),
  );
}

async function suggestKnown(text: string, id: number, suggest: Suggest): Promise<void> {
  const matches = matchKnownKeys(text, await knownKeys());
  if (id !== current) return;
  setDefault(partialDescription(text, matches.length, flavor));
  suggest(matches.map((known) => knownKeySuggestion(known, flavor)));
}

/** The address bar was left (Esc, or the focus moved away): the lookup it started is aborted. */
export function onOmniboxInputCancelled(): void {
  current++;
  if (pause) {
    clearTimeout(pause.timer);
    pause.end();
  }
  if (asked) cancelLookup('omnibox');
  asked = undefined;
}

/**
 * Enter, or a row chosen: opens the key's card where the browser says (this tab, a new tab in
 * front or behind). Text that is not a whole hash opens its first match in the history or the
 * watchlist; a secret opens nothing, since its hash cannot be known and the key itself never
 * leaves the address bar.
 */
export async function onOmniboxInputEntered(text: string, disposition: Disposition): Promise<void> {
  // The input is done: a lookup still waiting for typing to pause must not start now, or it would
  // abort the card's own lookup of the same key.
  current++;
  if (pause) {
    clearTimeout(pause.timer);
    pause.end();
  }
  const input = parseHashInput(text);
  if (input.kind === 'secret') return;
  const hash =
    input.kind === 'hash'
      ? input.hash
      : input.kind === 'choice'
        ? input.hashes[0]
        : matchKnownKeys(text, await knownKeys(), 1)[0]?.hash;
  await openCard(hash !== undefined && isKeyHash(hash) ? hash : undefined, disposition);
}
