import { useEffect, useState } from 'preact/hooks';

export interface CopyButtonProps {
  text: string;
  /** Accessible name, e.g. "Copy hash". */
  label: string;
  /** Visible text; "Copy" where the context already says what is copied. */
  caption?: string;
}

type CopyState = 'idle' | 'copied' | 'failed';

/** How long "Copied" / "Copy failed" stays before the status clears. */
export const COPY_FEEDBACK_MS = 1500;

const STATUS_TEXT: Record<CopyState, string> = {
  idle: '',
  copied: 'Copied',
  failed: 'Copy failed',
};

export function CopyButton({ text, label, caption = 'Copy' }: CopyButtonProps) {
  const [state, setState] = useState<CopyState>('idle');

  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), COPY_FEEDBACK_MS);
    return () => clearTimeout(timer);
  }, [state]);

  async function copy() {
    // navigator.clipboard is missing outside secure contexts and writeText rejects without focus
    // or permission; either way the user reads "Copy failed" and nothing is thrown.
    try {
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  }

  return (
    <span class="copy">
      <button type="button" class="button--small" aria-label={label} onClick={copy}>
        {caption}
      </button>
      {/* The live region exists before it has text; some screen readers ignore regions that appear with their content. */}
      <span
        class={state === 'failed' ? 'copy__status copy__status--failed' : 'copy__status'}
        role="status"
        aria-live="polite"
      >
        {STATUS_TEXT[state]}
      </span>
    </span>
  );
}
