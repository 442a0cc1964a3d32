import { MAX_CACHE_SECONDS, MAX_TIMEOUT_SECONDS, MIN_TIMEOUT_SECONDS } from '@/utils/settings/settings';
import { TextField } from './TextField';
import type { FieldErrors } from '../../utils/settings/page/use-settings-form';

export interface LookupTimings {
  timeoutSeconds: string;
  cacheSeconds: string;
}

export interface LookupTimingFieldsProps extends LookupTimings {
  errors: Pick<FieldErrors, 'timeoutSeconds' | 'cacheSeconds'>;
  onChange: (patch: Partial<LookupTimings>) => void;
}

/** How long a lookup may wait for the API, and how long a repeated one is shown from memory. */
export function LookupTimingFields({ timeoutSeconds, cacheSeconds, errors, onChange }: LookupTimingFieldsProps) {
  return (
    <>
      <TextField
        id="timeoutSeconds"
        label="Timeout (seconds)"
        type="number"
        min={MIN_TIMEOUT_SECONDS}
        max={MAX_TIMEOUT_SECONDS}
        value={timeoutSeconds}
        onInput={(value) => onChange({ timeoutSeconds: value })}
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
        onInput={(value) => onChange({ cacheSeconds: value })}
        error={errors.cacheSeconds}
        hint="A key looked up again within this time shows at once and is refreshed in the background. 0 turns this off."
      />
    </>
  );
}
