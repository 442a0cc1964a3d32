import { type LastLookup, kept } from './items';
import { change, changeKept } from './memory';

/**
 * Changes the record of the last lookup, one change at a time: the lookup writes it when it starts,
 * when the first answer comes and when every account has answered, and the popup marks it seen in
 * between. Each change reads the record as the previous change left it.
 */
export function updateLastLookup(next: (current: LastLookup | null) => LastLookup | null): Promise<void> {
  return changeKept(change(kept.lastLookup, (current) => next(current) ?? undefined));
}
