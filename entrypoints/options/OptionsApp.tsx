import { ErrorNotice } from '@/components/ErrorNotice';
import { askWorker } from '@/utils/messaging/worker-client';
import { ConnectionSection } from './ConnectionSection';
import { ConnectionTestResult, TestConnectionButton, TestConnectionHint, useConnectionTest } from './ConnectionTest';
import { HostAccessNotice } from './HostAccessNotice';
import { LookupTimingFields } from './LookupTimingFields';
import { PrivacySection } from './PrivacySection';
import { ShortcutSection } from './ShortcutSection';
import { useSettingsForm } from './use-settings-form';

/** The options page: the settings form, its connection test, and the keyboard shortcut. */
export function OptionsApp() {
  const form = useSettingsForm();
  const test = useConnectionTest(() => askWorker('testConnection', undefined));

  if (form.phase === 'failed') {
    return (
      <main class="options">
        <h1>ModelGates Key Lookup</h1>
        <ErrorNotice error={form.error} now={new Date()} />
      </main>
    );
  }
  if (form.phase === 'loading') return <main class="options" aria-busy="true" />;

  const { saved, draft, dirty, errors, status, generation, save } = form;
  function submit(event: Event) {
    event.preventDefault();
    // A result shown beside new settings would be about the old ones.
    test.reset();
    void save();
  }
  return (
    <main class="options">
      <h1>ModelGates Key Lookup</h1>
      <form onSubmit={submit} noValidate>
        <ConnectionSection
          values={draft.connection}
          errors={errors}
          savedLast4={saved.keyLast4}
          generation={generation}
          onChange={form.editConnection}
          onRemoveKey={() => void form.removeKey()}
        >
          <HostAccessNotice
            savedBaseUrl={saved.baseUrl}
            generation={generation}
            typedBaseUrl={draft.connection.baseUrl}
            dirty={dirty}
          />
        </ConnectionSection>
        <LookupTimingFields
          timeoutSeconds={draft.timeoutSeconds}
          cacheSeconds={draft.cacheSeconds}
          errors={errors}
          onChange={form.edit}
        />
        <PrivacySection
          forgetKeyOnClose={draft.forgetKeyOnClose}
          historyEnabled={draft.historyEnabled}
          onChange={form.edit}
        />

        <div class="button-row">
          <button type="submit" class="primary" disabled={form.saving}>
            {form.saving ? 'Saving…' : 'Save'}
          </button>
          <TestConnectionButton state={test.state} dirty={dirty} onTest={() => void test.run()} />
        </div>
        <TestConnectionHint dirty={dirty} />
        <p role="status" class={status ? `status status--${status.tone}` : 'status'}>
          {status?.text}
        </p>
        <ConnectionTestResult state={test.state} now={new Date()} />
      </form>

      <ShortcutSection />
    </main>
  );
}
