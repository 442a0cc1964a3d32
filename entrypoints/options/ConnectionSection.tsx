import type { ComponentChildren } from 'preact';
import { KeyField } from './KeyField';
import type { ConnectionDraft } from './settings-draft';
import { TextField } from './TextField';
import type { FieldErrors } from './use-settings-form';

export interface ConnectionSectionProps {
  values: ConnectionDraft;
  errors: Pick<FieldErrors, 'managementKey' | 'baseUrl'>;
  /** Last 4 characters of the saved key, or null when none is saved. */
  savedLast4: string | null;
  /** Changes when the settings are loaded or saved again: the key field then starts from the saved state. */
  generation: number;
  onChange: (patch: Partial<ConnectionDraft>) => void;
  onRemoveKey: () => void;
  /** Shown under the base URL field: whether lookups to the saved origin have a host grant. */
  children?: ComponentChildren;
}

/** Where lookups go and with what: the management key and the API base URL. */
export function ConnectionSection({
  values,
  errors,
  savedLast4,
  generation,
  onChange,
  onRemoveKey,
  children,
}: ConnectionSectionProps) {
  return (
    <>
      <KeyField
        key={generation}
        savedLast4={savedLast4}
        value={values.key}
        error={errors.managementKey}
        onInput={(key) => onChange({ key })}
        onRemove={onRemoveKey}
      />
      <TextField
        id="baseUrl"
        label="API base URL"
        type="url"
        value={values.baseUrl}
        onInput={(baseUrl) => onChange({ baseUrl })}
        error={errors.baseUrl}
        hint="Usually https://modelgates.ai/api/v1. Must be https; http is allowed only for localhost and 127.0.0.1."
      >
        {children}
      </TextField>
    </>
  );
}
