import type { RunProgress } from '../scheduler/outcome';
import type { BulkRow } from './row';

/**
 * The run's progress as the page says it: by hash, not by hash × account pair (11 hashes in 2
 * accounts are "11", not "22"). A hash is done once its row is: found in one account, or answered
 * by every account. The time left is the scheduler's, which counts every request still to make.
 */
export function hashProgress(rows: readonly BulkRow[], requests: RunProgress): RunProgress {
  let done = 0;
  let errors = 0;
  for (const { result } of rows) {
    if (result.kind === 'pending') continue;
    done += 1;
    if (result.kind === 'error') errors += 1;
  }
  return { done, errors, total: rows.length, etaMs: requests.etaMs };
}
