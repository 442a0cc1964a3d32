import { useEffect, useState } from 'preact/hooks';
import {
  MAX_INTERVAL_MINUTES,
  MIN_INTERVAL_MINUTES,
  thresholdsText,
  type AlertField,
} from '@/utils/watch/alert-settings';
import { askWorker } from '@/utils/messaging/page/worker-client';
import { hasNotifications, requestNotifications } from '../../utils/watch/page/notifications-permission';
import { TextField } from '../settings/TextField';

interface Draft {
  thresholds: string;
  intervalMinutes: string;
  notify: boolean;
  paceAlert: boolean;
}

/**
 * "Alerts": when a watched key's spend alerts, how often the watched keys are checked, and
 * whether alerts also come as desktop notifications. Saved on its own, apart from the accounts.
 */
export function AlertsSection() {
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<Partial<Record<AlertField, string>>>({});
  const [status, setStatus] = useState<string>('');
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    void Promise.all([askWorker('getAlertSettings'), hasNotifications()]).then(([reply, allowed]) => {
      if (!reply.ok) return setStatus('Could not read the alert settings.');
      const { thresholds, intervalMinutes, notify, paceAlert } = reply.settings;
      // Notifications the browser no longer allows are shown off: they would not appear.
      setDraft({
        thresholds: thresholdsText(thresholds),
        intervalMinutes: String(intervalMinutes),
        notify: notify && allowed,
        paceAlert,
      });
    });
  }, []);

  if (draft === null) return <section class="field" aria-labelledby="alerts-heading" aria-busy="true" />;
  const edit = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });

  async function onNotifyChange(checked: boolean) {
    setStatus('');
    // Asked in the click itself: the browser shows its prompt only during a user gesture.
    if (checked && !(await requestNotifications())) {
      edit({ notify: false });
      return setStatus('Desktop notifications were not allowed, so they stay off.');
    }
    edit({ notify: checked });
  }

  async function save(event: Event) {
    event.preventDefault();
    if (draft === null) return;
    setSaving(true);
    const minutes = draft.intervalMinutes.trim() === '' ? null : Number(draft.intervalMinutes);
    const reply = await askWorker('saveAlertSettings', {
      thresholds: draft.thresholds,
      intervalMinutes: minutes === null || Number.isNaN(minutes) ? null : minutes,
      notify: draft.notify,
      paceAlert: draft.paceAlert,
    });
    setSaving(false);
    if (reply.ok) {
      setErrors({});
      setDraft({ ...draft, thresholds: thresholdsText(reply.settings.thresholds) });
      return setStatus('Alert settings saved.');
    }
    if ('fieldErrors' in reply) setErrors(reply.fieldErrors);
    setStatus('Alert settings not saved: see the fields above.');
  }

  return (
    <section class="field" aria-labelledby="alerts-heading">
      <h2 id="alerts-heading" class="field-label section-heading">
        Alerts
      </h2>
      <p class="field-hint">For the keys you watch (the Watch button on a key’s card).</p>
      <form onSubmit={(event) => void save(event)} noValidate>
        <TextField
          id="alertThresholds"
          label="Alert at these percentages of the limit"
          value={draft.thresholds}
          onInput={(value) => edit({ thresholds: value })}
          error={errors.thresholds}
          hint="Whole percentages from 1 to 100, separated by commas. Each alerts once per limit period."
        />
        <TextField
          id="alertInterval"
          label="Check watched keys every (minutes)"
          type="number"
          min={MIN_INTERVAL_MINUTES}
          max={MAX_INTERVAL_MINUTES}
          value={draft.intervalMinutes}
          onInput={(value) => edit({ intervalMinutes: value })}
          error={errors.intervalMinutes}
          hint={`From ${MIN_INTERVAL_MINUTES} minutes to 24 hours (${MAX_INTERVAL_MINUTES}).`}
        />
        <label class="check">
          <input
            type="checkbox"
            name="paceAlert"
            checked={draft.paceAlert}
            aria-describedby="pace-alert-hint"
            onChange={(event) => edit({ paceAlert: event.currentTarget.checked })}
          />
          Alert when a key is on pace to reach its limit before the reset
        </label>
        <p class="field-hint" id="pace-alert-hint">
          From its spend so far in the limit period; once per period, like the thresholds.
        </p>
        <label class="check">
          <input
            type="checkbox"
            name="notify"
            checked={draft.notify}
            aria-describedby="notify-hint"
            onChange={(event) => {
              // The box shows what is saved until the browser has answered the permission prompt.
              const wanted = event.currentTarget.checked;
              event.currentTarget.checked = draft.notify;
              void onNotifyChange(wanted);
            }}
          />
          Show desktop notifications
        </label>
        <p class="field-hint" id="notify-hint">
          Turning this on asks your browser for permission to show notifications. The popup and the toolbar show alerts
          either way.
        </p>
        <div class="button-row">
          <button type="submit" disabled={saving}>
            {saving ? 'Saving…' : 'Save alerts'}
          </button>
        </div>
        {/* A live region, not a second role=status: the page's own save status keeps that role. */}
        <p class="status" aria-live="polite">
          {status}
        </p>
      </form>
    </section>
  );
}
