import { MAX_CONCURRENCY, MIN_CONCURRENCY } from '@/utils/settings/settings';
import { TextField } from './TextField';

export interface BulkConcurrencyFieldProps {
  value: string;
  error?: string;
  onChange: (patch: { bulkConcurrency: string }) => void;
}

/** How hard "Look up many keys" asks each account's API at once. */
export function BulkConcurrencyField({ value, error, onChange }: BulkConcurrencyFieldProps) {
  return (
    <TextField
      id="bulkConcurrency"
      label="Lookups at once per account (Look up many keys)"
      type="number"
      min={MIN_CONCURRENCY}
      max={MAX_CONCURRENCY}
      value={value}
      onInput={(bulkConcurrency) => onChange({ bulkConcurrency })}
      error={error}
      hint={`Requests in flight per account during a bulk run: ${MIN_CONCURRENCY} to ${MAX_CONCURRENCY}. A rate limit slows the run down on its own.`}
    />
  );
}
