import { ErrorNotice } from '@/components/card/ErrorNotice';
import { AccountsSection } from '@/components/accounts/AccountsSection';
import { BulkConcurrencyField } from '@/components/settings/BulkConcurrencyField';
import { AlertsSection } from '@/components/watch/AlertsSection';
import { LookupTimingFields } from '@/components/settings/LookupTimingFields';
import { PrivacySection } from '@/components/settings/PrivacySection';
import { PanelOptionsSection } from '@/components/panel/PanelOptionsSection';
import { ShortcutSection } from '@/components/settings/ShortcutSection';
import { useSettingsForm } from '@/utils/settings/page/use-settings-form';
import { KeyStorageSection } from '@/components/lock/KeyStorageSection';
import { LockedOptions } from '@/components/lock/LockedOptions';
import { useLockStatus } from '@/utils/lock/page/use-lock-status';
import type { LockView } from '@/utils/lock/views';

/** The options page: the accounts, the lookup settings, the alerts, the side panel and the keyboard shortcuts. */
export function OptionsApp() {
  const form = useSettingsForm();
  const lockStatus = useLockStatus();
  /** The lock changed: the keys may have moved (their last 4, the memory-only choice). */
  function adoptLock(lock: LockView) {
    lockStatus.setLock(lock);
    if (form.phase === 'ready') void form.refresh();
  }

  if (lockStatus.lock?.locked) return <LockedOptions onLock={adoptLock} />;

  if (form.phase === 'failed') {
    return (
      <main class="options">
        <h1>ModelGates Key Lookup</h1>
        <ErrorNotice error={form.error} now={new Date()} />
      </main>
    );
  }
  if (form.phase === 'loading' || lockStatus.lock === null) return <main class="options" aria-busy="true" />;

  const { draft, status, save } = form;
  function submit(event: Event) {
    event.preventDefault();
    void save();
  }
  return (
    <main class="options">
      <h1>ModelGates Key Lookup</h1>
      <form onSubmit={submit} noValidate>
        <AccountsSection form={form} />
        <LookupTimingFields
          timeoutSeconds={draft.timeoutSeconds}
          cacheSeconds={draft.cacheSeconds}
          errors={form.errors}
          onChange={form.edit}
        />
        <BulkConcurrencyField value={draft.bulkConcurrency} error={form.errors.bulkConcurrency} onChange={form.edit} />
        <KeyStorageSection
          key={lockStatus.lock.storage}
          lock={lockStatus.lock}
          forgetKeyOnClose={draft.forgetKeyOnClose}
          onForgetKeyOnClose={(forgetKeyOnClose) => form.edit({ forgetKeyOnClose })}
          onLock={adoptLock}
          accountNames={form.saved.accounts.map((account) => account.name)}
        />
        <PrivacySection historyEnabled={draft.historyEnabled} onChange={form.edit} />
        <div class="button-row">
          <button type="submit" class="primary" disabled={form.saving}>
            {form.saving ? 'Saving…' : 'Save'}
          </button>
        </div>
        <p role="status" class={status ? `status status--${status.tone}` : 'status'}>
          {status?.text}
        </p>
      </form>

      <AlertsSection />
      <PanelOptionsSection />
      <ShortcutSection />
    </main>
  );
}
