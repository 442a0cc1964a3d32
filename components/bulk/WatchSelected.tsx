import { useState } from 'preact/hooks';
import { refusalText } from '@/components/card/WatchToggle';
import type { BulkRow } from '@/utils/bulk/row';
import { watchOutcomeLine, watchRequestOf, type WatchOutcome } from '@/utils/bulk/watch-rows';
import type { KeyHash } from '@/utils/hash-input';
import type { AccountRef } from '@/utils/lookup/lookup-error';
import { askWorker } from '@/utils/messaging/page/worker-client';

export interface WatchSelectedProps {
  /** Every row of the run, in its order: the selected ones are watched in that order. */
  rows: readonly BulkRow[];
  /** The accounts the run asked, whose ids the watch requests name. */
  accounts: readonly AccountRef[];
  selected: ReadonlySet<KeyHash>;
}

/**
 * "Watch selected (N)": each selected found key is watched through the same `watch` message as
 * the card's Watch toggle, one after the other. The first refusal (the 200-key limit, a removed
 * account, no answer) ends it, and the status line says how many were not watched and why.
 */
export function WatchSelected({ rows, accounts, selected }: WatchSelectedProps) {
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState('');

  async function watchAll() {
    const requests = rows.flatMap((row) => {
      const request = selected.has(row.hash) ? watchRequestOf(row, accounts) : null;
      return request ? [request] : [];
    });
    setBusy(true);
    setSaid(`Watching ${requests.length === 1 ? 'the selected key' : `${requests.length} selected keys`}…`);
    const outcome: WatchOutcome = { watching: 0 };
    for (const [i, request] of requests.entries()) {
      const reply = await askWorker('watch', request);
      if (reply.ok) {
        outcome.watching += 1;
        continue;
      }
      outcome.refused = { count: requests.length - i, message: refusalText(reply) };
      break;
    }
    setBusy(false);
    setSaid(watchOutcomeLine(outcome));
  }

  return (
    <div class="button-row bulk-watch">
      <button type="button" disabled={busy || selected.size === 0} onClick={() => void watchAll()}>
        Watch selected ({selected.size})
      </button>
      <p class="status" role="status">
        {said}
      </p>
    </div>
  );
}
