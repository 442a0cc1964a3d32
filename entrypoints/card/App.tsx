import { useEffect, useState } from 'preact/hooks';
import { Loading } from '@/components/lookup/Loading';
import { LookupAnswer } from '@/components/card/LookupAnswer';
import { SpendHistorySection } from '@/components/spend-history/SpendHistorySection';
import { type CardAddress, readCardAddress } from '@/utils/lookup/card-address';
import { shortenHash } from '@/utils/format';
import { displayName } from '@/utils/key-name';
import { openOwnPage } from '@/utils/lookup/page/open-page';
import { useLookup } from '@/utils/lookup/page/use-lookup';
import { UnlockForm } from '@/components/lock/UnlockForm';

const TITLE = 'ModelGates Key Lookup';

/** The address's hash, read as the page opens or it changes; a secret in it is taken out at once,
 * before anything is drawn. */
function takeAddress(): CardAddress {
  const address = readCardAddress(location.hash);
  if (address.kind === 'refused' && address.clear) history.replaceState(null, '', location.pathname);
  return address;
}

/**
 * One key's card in a tab of its own, at full width: the hash comes from the address
 * (`card.html#<hash>`), so the tab can be reloaded or bookmarked. A fragment that is not one whole
 * hash is refused with the popup's words and never sent; a secret is also taken out of the address.
 */
export function App() {
  const [address, setAddress] = useState<CardAddress>(takeAddress);
  const { view, now, lookUp, refresh } = useLookup(() => {});

  useEffect(() => {
    const onHashChange = () => setAddress(takeAddress());
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);

  useEffect(() => {
    if (address.kind === 'hash') void lookUp(address.hash);
  }, [address]);

  const found = view.kind === 'result' && view.result.ok ? view.result.found[0] : undefined;
  // Locked (opened from the address bar's "Locked: press Enter to unlock", say): the unlock form,
  // then the lookup.
  const locked = view.kind === 'result' && !view.result.ok && view.result.error.kind === 'locked';
  useEffect(() => {
    document.title = found ? `${displayName(found.key.name)}: ${TITLE}` : `Key card: ${TITLE}`;
  }, [found]);

  return (
    <main class="card-page">
      <h1 class="card-page__title">
        Key <code class="mono">{address.kind === 'hash' ? shortenHash(address.hash) : 'card'}</code>
      </h1>
      {address.kind === 'refused' && (
        <p class="field-error" role="alert">
          {address.message}
        </p>
      )}
      <section class="card-page__result" aria-live="polite">
        {view.kind === 'loading' && <Loading label="Looking up key…" />}
        {locked && address.kind === 'hash' && (
          <UnlockForm intro="Unlock to look up this key." onUnlocked={() => void lookUp(address.hash)} />
        )}
        {view.kind === 'result' && !locked && address.kind === 'hash' && (
          <LookupAnswer
            result={view.result}
            now={now}
            refreshing={view.refreshing ?? false}
            refreshError={view.refreshError}
            onRefresh={() => view.hash && void refresh(view.hash, view.result)}
            onOpenOptions={() => openOwnPage('/options.html')}
          />
        )}
      </section>
      {found && address.kind === 'hash' && (
        <SpendHistorySection hash={address.hash} accountId={found.account?.id} fetchedAt={found.fetchedAt} />
      )}
    </main>
  );
}
