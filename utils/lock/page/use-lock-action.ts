import { useState } from 'preact/hooks';
import { describeLookupError } from '@/utils/lookup/error-message';
import type { Interrupted } from '@/utils/messaging/page/worker-client';
import type { Refusal } from '@/utils/messaging/contract-kit';
import type { LockRefused, LockReply } from '../contract';
import type { LockView } from '../views';

type Reply = LockReply | LockRefused | Refusal | Interrupted;

/** One of the options' lock actions: busy while the worker derives the key, then done or why not. */
export function useLockAction(onDone: (lock: LockView) => void) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  /** `check` first (a new passphrase's strength, say): its words refuse without asking the worker. */
  async function run(send: () => Promise<Reply>, check?: () => Promise<string | null>): Promise<boolean> {
    if (busy) return false;
    setBusy(true);
    setError(null);
    const problem = check ? await check() : null;
    const reply = problem === null ? await send() : null;
    setBusy(false);
    if (reply === null) return (setError(problem), false);
    if (reply.ok) return (onDone(reply.lock), true);
    setError('reason' in reply ? reply.message : describeLookupError(reply.error, new Date()).body);
    return false;
  }

  return { busy, error, setError, run };
}
