import { useEffect, useState } from 'preact/hooks';
import { checkBaseUrl } from '@/utils/accounts/base-url';
import { hasHostAccess, requestHostAccess } from '../../utils/accounts/page/host-access';

export interface HostAccessNoticeProps {
  /** The saved base URL: the origin lookups go to now. */
  savedBaseUrl: string;
  /** Changes on every load or save, so the grant is checked again. */
  generation: number;
  /** The base URL as typed, maybe not saved yet. */
  typedBaseUrl: string;
  /** The form holds unsaved changes: a grant asked for now would be for the old origin. */
  dirty: boolean;
}

/** Says when the saved origin has no host grant and offers one; nothing while the grant is there. */
export function HostAccessNotice({ savedBaseUrl, generation, typedBaseUrl, dirty }: HostAccessNoticeProps) {
  const [access, setAccess] = useState<boolean | null>(null);

  useEffect(() => {
    let current = true;
    void hasHostAccess(savedBaseUrl).then((granted) => current && setAccess(granted));
    return () => {
      current = false;
    };
  }, [savedBaseUrl, generation]);

  async function grant() {
    // The browser shows its own prompt, which it allows only from this click.
    setAccess(await requestHostAccess(savedBaseUrl));
  }

  if (access !== false) return null;
  if (dirty) {
    return checkBaseUrl(typedBaseUrl).ok ? (
      <p class="field-hint">Save first, then grant access to the new origin if needed.</p>
    ) : null;
  }
  return (
    <div class="access">
      <p class="field-hint">
        This extension has no access grant for {new URL(savedBaseUrl).origin}. Lookups still go out as ordinary
        cross-origin requests, which work only if that server allows them.
      </p>
      <button type="button" onClick={grant}>
        Grant access
      </button>
    </div>
  );
}
