import type { Browser } from 'wxt/browser';
import type { MergedLookup } from '../../lookup/account-answers';
import type { KeyHash } from '../../hash-input';
import { kept } from '../../storage/background/items';
import { change, changeKept, readKept } from '../../storage/background/memory';
import { placeOnTop, setCollapsed, type StackCard, updateInPlace, withoutAccount } from '../stack';
import { post, postToAll } from './panels';

/** The stack, newest first. */
export function readStack(): Promise<StackCard[]> {
  return readKept(kept.panelStack);
}

/** Changes the stack (one change at a time, as the other items), then shows every panel the new one. */
async function changeStack(next: (cards: StackCard[]) => StackCard[]): Promise<StackCard[]> {
  let changed: StackCard[] = [];
  await changeKept(change(kept.panelStack, (cards) => (changed = next(cards))));
  postToAll({ kind: 'stack', cards: changed });
  return changed;
}

/** A lookup's first answer: a key found comes to the top (or moves there). */
export function fileOnTop(hash: KeyHash, answer: MergedLookup): Promise<StackCard[]> {
  return changeStack((cards) => placeOnTop(cards, hash, answer, new Date()));
}

/** The same lookup's complete answer, where its card already is. */
export function fileInPlace(hash: KeyHash, answer: MergedLookup): Promise<StackCard[]> {
  return changeStack((cards) => updateInPlace(cards, hash, answer));
}

export function collapseCard(hash: KeyHash, collapsed: boolean): Promise<StackCard[]> {
  return changeStack((cards) => setCollapsed(cards, hash, collapsed));
}

export function clearStack(): Promise<StackCard[]> {
  return changeStack(() => []);
}

/** Removing an account: what it found leaves the stack too. */
export async function forgetPanelCardsOf(accountId: string): Promise<void> {
  await changeStack((cards) => withoutAccount(cards, accountId));
}

/** A panel that has just connected gets the stack at once. */
export function sendStack(port: Browser.runtime.Port): void {
  void readStack().then(
    (cards) => post(port, { kind: 'stack', cards }),
    // Unreadable session storage: the panel shows no stack rather than an old one.
    () => post(port, { kind: 'stack', cards: [] }),
  );
}
