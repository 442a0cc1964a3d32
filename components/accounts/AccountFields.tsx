import { useEffect, useRef } from 'preact/hooks';
import type { AccountFieldErrors } from '@/utils/accounts/account-input';
import type { AccountView } from '@/utils/settings/views';
import { askWorker } from '@/utils/messaging/page/worker-client';
import { ConnectionTestResult, TestConnectionButton, TestConnectionHint, useConnectionTest } from './ConnectionTest';
import { HostAccessNotice } from './HostAccessNotice';
import { KeyField } from './KeyField';
import { RemoveAccountButton } from './RemoveAccountButton';
import type { AccountDraft } from '../../utils/settings/page/settings-draft';
import { TextField } from '../settings/TextField';

export interface AccountFieldsProps {
  /** Prefix for every id inside, unique on the page. */
  id: string;
  account: AccountDraft;
  /** The account as saved; absent for one added on the page and not saved yet. */
  saved?: AccountView;
  errors: AccountFieldErrors;
  /** The form holds unsaved changes: a test or a grant now would be about the saved settings. */
  dirty: boolean;
  /** More than one account: this one may go. */
  removable: boolean;
  /** Just added: its name field takes the focus. */
  focus: boolean;
  generation: number;
  onChange: (patch: Partial<AccountDraft>) => void;
  onRemove: () => void;
  onRemoveKey: () => void;
}

/** One account: its name, its management key and its API base URL, with its own connection test. */
export function AccountFields(props: AccountFieldsProps) {
  const { id, account, saved, errors, dirty, onChange } = props;
  const test = useConnectionTest(() => askWorker('testConnection', { accountId: saved?.id ?? '' }));
  const name = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (props.focus) name.current?.focus();
  }, []);

  return (
    <fieldset class="account">
      {/* A new account is called what is typed for it, so that two new ones can be told apart. */}
      <legend class="account__legend">{saved?.name ?? (account.name.trim() || 'New account')}</legend>
      <TextField
        id={`${id}-name`}
        inputRef={name}
        label="Account name"
        value={account.name}
        onInput={(value) => onChange({ name: value })}
        error={errors.name}
        hint="How the popup names this account when you have several, e.g. Production."
      />
      <KeyField
        key={props.generation}
        id={`${id}-key`}
        savedLast4={saved?.keyLast4 ?? null}
        value={account.key}
        error={errors.managementKey}
        onInput={(key) => onChange({ key })}
        onRemove={props.onRemoveKey}
      />
      <TextField
        id={`${id}-baseUrl`}
        label="API base URL"
        type="url"
        value={account.baseUrl}
        onInput={(baseUrl) => onChange({ baseUrl })}
        error={errors.baseUrl}
        hint="Usually https://modelgates.ai/api/v1. Must be https; http is allowed only for localhost and 127.0.0.1."
      >
        {saved && (
          <HostAccessNotice
            savedBaseUrl={saved.baseUrl}
            generation={props.generation}
            typedBaseUrl={account.baseUrl}
            dirty={dirty}
          />
        )}
      </TextField>
      <div class="button-row">
        {saved && (
          <TestConnectionButton
            state={test.state}
            hintId={`${id}-test-hint`}
            dirty={dirty}
            onTest={() => void test.run()}
          />
        )}
        {props.removable && <RemoveAccountButton id={id} name={saved?.name ?? ''} onConfirm={props.onRemove} />}
      </div>
      {saved && <TestConnectionHint id={`${id}-test-hint`} dirty={dirty} />}
      <ConnectionTestResult state={test.state} now={new Date()} />
    </fieldset>
  );
}
