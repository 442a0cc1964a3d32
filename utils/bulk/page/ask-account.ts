import type { BulkItem } from '@/utils/bulk/answers';
import { type AccountOutcome, outcomeOf } from '@/utils/scheduler/account-outcome';
import { askWorker } from '@/utils/messaging/page/worker-client';

/**
 * The scheduler's lookup: one account about one hash, through the worker. A worker stopped
 * mid-message (it may be stopped at any moment) is asked once more: the next message starts it
 * again, and the hash had no answer, so nothing is asked twice once answered. Never throws.
 * `run` names the page's run to the worker's gate, which sends nothing more of it once cancelled.
 */
export async function askAccount(item: BulkItem, signal: AbortSignal, run: string): Promise<AccountOutcome> {
  for (let attempt = 0; ; attempt += 1) {
    const reply = await askWorker('lookupInAccount', { hash: item.hash, accountId: item.account, run });
    if (reply.ok) return outcomeOf(reply.result, Date.now());
    if (reply.error.kind !== 'interrupted' || attempt > 0 || signal.aborted) {
      return { kind: 'failed', error: reply.error };
    }
  }
}

/** Cancel, or the page closing: the worker sends none of the run's requests still waiting there. */
export function cancelRun(run: string): void {
  void askWorker('cancelBulkRun', { run });
}
