import { useState } from 'preact/hooks';
import { ErrorNotice } from '@/components/card/ErrorNotice';
import type { LookupError } from '@/utils/lookup/lookup-error';

/** The worker's answer to a connection test: the key works, or why not. */
export type ConnectionTestReply = { ok: true } | { ok: false; error: LookupError };

export type ConnectionTestState =
  { kind: 'idle' } | { kind: 'running' } | { kind: 'ok' } | { kind: 'failed'; error: LookupError };

/** Runs "Test connection" and holds its outcome until the next test or a reset (a save starting). */
export function useConnectionTest(test: () => Promise<ConnectionTestReply>) {
  const [state, setState] = useState<ConnectionTestState>({ kind: 'idle' });
  async function run() {
    setState({ kind: 'running' });
    const reply = await test();
    setState(reply.ok ? { kind: 'ok' } : { kind: 'failed', error: reply.error });
  }
  return { state, run, reset: () => setState({ kind: 'idle' }) };
}

export interface TestConnectionButtonProps {
  state: ConnectionTestState;
  /** The id of the line that says what the button tests (TestConnectionHint). */
  hintId: string;
  /** Unsaved changes: the test would try the saved settings, not what the form shows. */
  dirty: boolean;
  onTest: () => void;
}

/** Tests the saved settings, so it is off while the form holds unsaved changes. */
export function TestConnectionButton({ state, hintId, dirty, onTest }: TestConnectionButtonProps) {
  return (
    <button type="button" onClick={onTest} disabled={state.kind === 'running' || dirty} aria-describedby={hintId}>
      {state.kind === 'running' ? 'Testing…' : 'Test connection'}
    </button>
  );
}

/** What the button tests; the button points to this line by id. */
export function TestConnectionHint({ id, dirty }: { id: string; dirty: boolean }) {
  return (
    <p class="field-hint" id={id}>
      {dirty ? 'Save your changes to test them.' : 'Tests this account’s saved key against its saved API base URL.'}
    </p>
  );
}

/** What the test found: that the key works, or why not in the popup's words. */
export function ConnectionTestResult({ state, now }: { state: ConnectionTestState; now: Date }) {
  return (
    <div class="test-result" aria-live="polite">
      {state.kind === 'ok' && <p class="status status--ok">Connection works: the API accepted the management key.</p>}
      {state.kind === 'failed' && <ErrorNotice error={state.error} now={now} />}
    </div>
  );
}
