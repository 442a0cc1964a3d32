export interface LoadingProps {
  label?: string;
}

/** A polite live region, so a screen reader hears that the lookup started without losing focus. */
export function Loading({ label = 'Looking up key…' }: LoadingProps) {
  return (
    <div class="loading" role="status" aria-live="polite">
      <span class="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}
