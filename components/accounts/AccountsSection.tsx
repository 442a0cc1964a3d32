import { MAX_ACCOUNTS } from '@/utils/settings/settings';
import { AccountFields } from './AccountFields';
import type { ReadyForm } from '../../utils/settings/page/use-settings-form';

export interface AccountsSectionProps {
  form: ReadyForm;
}

/** Every account a lookup asks, each with its own fields and test; add one, or remove one. */
export function AccountsSection({ form }: AccountsSectionProps) {
  const { draft, saved, dirty, generation } = form;
  const full = draft.accounts.length >= MAX_ACCOUNTS;
  return (
    <section class="accounts" aria-labelledby="accounts-heading">
      <h2 id="accounts-heading" class="field-label section-heading">
        Accounts
      </h2>
      <p class="field-hint">A lookup asks every account at once, each with its own key at its own API.</p>
      {draft.accounts.map((account, index) => (
        <AccountFields
          // Saving or removing a key starts the fields again from what is saved.
          key={`${account.draftId}:${generation}`}
          id={`account-${index + 1}`}
          account={account}
          saved={saved.accounts.find((a) => a.id === account.id)}
          errors={form.accountErrors[account.draftId] ?? {}}
          dirty={dirty}
          removable={draft.accounts.length > 1}
          focus={form.added === account.draftId}
          generation={generation}
          onChange={(patch) => form.editAccount(account.draftId, patch)}
          onRemove={() => void form.removeAccount(account.draftId)}
          onRemoveKey={() => account.id && void form.removeKey(account.id)}
        />
      ))}
      {form.listError && <p class="field-error">{form.listError}</p>}
      <div class="button-row">
        <button type="button" onClick={form.addAccount} disabled={full} aria-describedby="accounts-limit">
          Add account
        </button>
      </div>
      <p class="field-hint" id="accounts-limit">
        {full ? `You have ${MAX_ACCOUNTS} accounts, the most there can be.` : `Up to ${MAX_ACCOUNTS} accounts.`}
      </p>
    </section>
  );
}
