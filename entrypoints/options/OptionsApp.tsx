import { useEffect, useState } from 'preact/hooks';
import { ErrorNotice } from '@/components/ErrorNotice';
import { checkBaseUrl } from '@/utils/base-url';
import { describeLookupError } from '@/utils/error-message';
import { hasHostAccess, requestHostAccess } from '@/entrypoints/options/host-access';
import type { LookupError } from '@/utils/lookup-error';
import type { SettingsField, SettingsView } from '@/utils/messaging/protocol';
import { MAX_CACHE_SECONDS, MAX_TIMEOUT_SECONDS, MIN_TIMEOUT_SECONDS } from '@/utils/settings';
import { openShortcutSettings, popupShortcut } from '@/entrypoints/options/shortcut';
import { askWorker } from '@/utils/messaging/worker-client';
import { KeyField } from './KeyField';
import { TextField } from './TextField';

type Status = { tone: 'ok' | 'error'; text: string } | null;
type TestState = { kind: 'idle' } | { kind: 'running' } | { kind: 'ok' } | { kind: 'failed'; error: LookupError };

export function OptionsApp() {
  const [saved, setSaved] = useState<SettingsView | null>(null);
  const [loadError, setLoadError] = useState<LookupError | null>(null);
  const [key, setKey] = useState('');
  const [baseUrl, setBaseUrl] = useState('');
  const [timeout, setTimeoutText] = useState('');
  const [cacheSeconds, setCacheText] = useState('');
  const [forgetKeyOnClose, setForgetKeyOnClose] = useState(false);
  const [historyEnabled, setHistoryEnabled] = useState(true);
  const [shortcut, setShortcut] = useState<string | null | undefined>(undefined);
  const [errors, setErrors] = useState<Partial<Record<SettingsField, string>>>({});
  const [status, setStatus] = useState<Status>(null);
  const [saving, setSaving] = useState(false);
  const [test, setTest] = useState<TestState>({ kind: 'idle' });
  const [access, setAccess] = useState<boolean | null>(null);
  // Bumped on every load or save, so that the key field starts again from the saved state.
  const [generation, setGeneration] = useState(0);

  function adopt(settings: SettingsView) {
    setSaved(settings);
    setGeneration((n) => n + 1);
    setBaseUrl(settings.baseUrl);
    setTimeoutText(String(settings.timeoutSeconds));
    setCacheText(String(settings.cacheSeconds));
    setForgetKeyOnClose(settings.forgetKeyOnClose);
    setHistoryEnabled(settings.historyEnabled);
    setKey('');
    void hasHostAccess(settings.baseUrl).then(setAccess);
  }

  useEffect(() => {
    void askWorker('getSettings').then((reply) => (reply.ok ? adopt(reply.settings) : setLoadError(reply.error)));
    void popupShortcut().then(setShortcut);
  }, []);

  async function save(event: Event) {
    event.preventDefault();
    setSaving(true);
    setStatus(null);
    setTest({ kind: 'idle' });
    const reply = await askWorker('saveSettings', {
      baseUrl,
      timeoutSeconds: toNumber(timeout),
      cacheSeconds: toNumber(cacheSeconds),
      forgetKeyOnClose,
      historyEnabled,
      ...(key !== '' ? { managementKey: key } : {}),
    });
    setSaving(false);
    if (reply.ok) {
      setErrors({});
      adopt(reply.settings);
      setStatus({ tone: 'ok', text: 'Settings saved.' });
    } else if ('fieldErrors' in reply) {
      setErrors(reply.fieldErrors);
      setStatus({ tone: 'error', text: 'Nothing was saved. Correct the fields marked below.' });
    } else {
      setStatus({ tone: 'error', text: `Nothing was saved. ${describeLookupError(reply.error, new Date()).body}` });
    }
  }

  async function removeKey() {
    const reply = await askWorker('removeKey');
    if (reply.ok) {
      adopt(reply.settings);
      setStatus({ tone: 'ok', text: 'Management key removed.' });
    } else {
      setStatus({ tone: 'error', text: 'The key could not be removed: the extension did not answer. Try again.' });
    }
  }

  async function testConnection() {
    setTest({ kind: 'running' });
    const reply = await askWorker('testConnection', undefined);
    setTest(reply.ok ? { kind: 'ok' } : { kind: 'failed', error: reply.error });
  }

  async function grantAccess() {
    if (saved) setAccess(await requestHostAccess(saved.baseUrl));
  }

  if (loadError) {
    return (
      <main class="options">
        <h1>ModelGates Key Lookup</h1>
        <ErrorNotice error={loadError} now={new Date()} />
      </main>
    );
  }
  if (!saved) return <main class="options" aria-busy="true" />;

  const dirty =
    key !== '' ||
    baseUrl !== saved.baseUrl ||
    timeout !== String(saved.timeoutSeconds) ||
    cacheSeconds !== String(saved.cacheSeconds) ||
    forgetKeyOnClose !== saved.forgetKeyOnClose ||
    historyEnabled !== saved.historyEnabled;
  const pendingBase = checkBaseUrl(baseUrl);
  return (
    <main class="options">
      <h1>ModelGates Key Lookup</h1>
      <form onSubmit={save} noValidate>
        <KeyField
          key={generation}
          savedLast4={saved.keyLast4}
          value={key}
          error={errors.managementKey}
          onInput={setKey}
          onRemove={removeKey}
        />

        <TextField
          id="baseUrl"
          label="API base URL"
          type="url"
          value={baseUrl}
          onInput={setBaseUrl}
          error={errors.baseUrl}
          hint="Usually https://modelgates.ai/api/v1. Must be https; http is allowed only for localhost and 127.0.0.1."
        >
          {access === false && !dirty && (
            <div class="access">
              <p class="field-hint">
                This extension has no access grant for {new URL(saved.baseUrl).origin}. Lookups still go out as ordinary
                cross-origin requests, which work only if that server allows them.
              </p>
              <button type="button" onClick={grantAccess}>
                Grant access
              </button>
            </div>
          )}
          {access === false && dirty && pendingBase.ok && (
            <p class="field-hint">Save first, then grant access to the new origin if needed.</p>
          )}
        </TextField>

        <TextField
          id="timeoutSeconds"
          label="Timeout (seconds)"
          type="number"
          min={MIN_TIMEOUT_SECONDS}
          max={MAX_TIMEOUT_SECONDS}
          value={timeout}
          onInput={setTimeoutText}
          error={errors.timeoutSeconds}
          hint={`How long a lookup waits for the API: ${MIN_TIMEOUT_SECONDS} to ${MAX_TIMEOUT_SECONDS} seconds.`}
        />

        <TextField
          id="cacheSeconds"
          label="Show a repeated lookup from memory for (seconds)"
          type="number"
          min={0}
          max={MAX_CACHE_SECONDS}
          value={cacheSeconds}
          onInput={setCacheText}
          error={errors.cacheSeconds}
          hint="A key looked up again within this time shows at once and is refreshed in the background. 0 turns this off."
        />

        <fieldset class="field">
          <legend class="field-label">Privacy</legend>
          <label class="check">
            <input
              type="checkbox"
              name="forgetKeyOnClose"
              checked={forgetKeyOnClose}
              aria-describedby="forget-hint"
              onChange={(event) => setForgetKeyOnClose(event.currentTarget.checked)}
            />
            Forget the key when the browser closes
          </label>
          <p class="field-hint" id="forget-hint">
            The key is then kept in memory only, never on disk, and you enter it again after restarting the browser.
          </p>
          <label class="check">
            <input
              type="checkbox"
              name="historyEnabled"
              checked={historyEnabled}
              aria-describedby="history-hint"
              onChange={(event) => setHistoryEnabled(event.currentTarget.checked)}
            />
            Remember recent lookups
          </label>
          <p class="field-hint" id="history-hint">
            The popup lists the last 20 lookups (hash, name, status, when; no spend figures). Turning this off clears
            the list.
          </p>
        </fieldset>

        <div class="button-row">
          <button type="submit" class="primary" disabled={saving}>
            {saving ? 'Saving…' : 'Save'}
          </button>
          <button
            type="button"
            onClick={testConnection}
            disabled={test.kind === 'running' || dirty}
            aria-describedby="test-hint"
          >
            {test.kind === 'running' ? 'Testing…' : 'Test connection'}
          </button>
        </div>
        <p class="field-hint" id="test-hint">
          {dirty ? 'Save your changes to test them.' : 'Tests the saved key against the saved API base URL.'}
        </p>
        <p role="status" class={status ? `status status--${status.tone}` : 'status'}>
          {status?.text}
        </p>
        <div class="test-result" aria-live="polite">
          {test.kind === 'ok' && (
            <p class="status status--ok">Connection works: the API accepted the management key.</p>
          )}
          {test.kind === 'failed' && <ErrorNotice error={test.error} now={new Date()} />}
        </div>
      </form>

      <section class="field" aria-labelledby="shortcut-heading">
        <h2 id="shortcut-heading" class="field-label section-heading">
          Keyboard shortcut
        </h2>
        <p>
          {shortcut === undefined
            ? ''
            : shortcut
              ? `Open the popup with ${shortcut}.`
              : 'No shortcut is set for opening the popup.'}{' '}
          <button type="button" onClick={() => void openShortcutSettings()}>
            Change shortcut
          </button>
        </p>
      </section>
    </main>
  );
}

/** An empty field is not 0: it is refused by the worker's check like any other non-number. */
function toNumber(text: string): number {
  return text.trim() === '' ? Number.NaN : Number(text);
}
