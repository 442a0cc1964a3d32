import type { KeyHash } from '@/utils/hash-input';
import type { View } from '@/utils/lookup/page/use-lookup';
import { HashChoice } from './HashChoice';
import { LazyAnswer } from './LazyAnswer';
import { Loading } from './Loading';

export interface LookupViewProps {
  view: View;
  now: Date;
  onPick: (hash: KeyHash) => void;
  onLookUpAll: (hashes: KeyHash[]) => void;
  onRefresh: (hash: KeyHash, shown: Extract<View, { kind: 'result' }>['result']) => void;
  onOpenOptions: () => void;
  onOpenInTab?: (hash: KeyHash) => void;
}

/** What a lookup shows while it runs and once answered: the spinner, a choice of hashes, the cards. */
export function LookupView({ view, now, onPick, onLookUpAll, onRefresh, onOpenOptions, onOpenInTab }: LookupViewProps) {
  switch (view.kind) {
    case 'loading':
      return <Loading label="Looking up key…" />;
    case 'choice':
      return <HashChoice hashes={view.hashes} onPick={onPick} onLookUpAll={() => onLookUpAll(view.hashes)} />;
    case 'result': {
      const { hash } = view;
      return (
        <LazyAnswer
          // A new lookup's card is a new element (announced anew); a refresh updates it in place.
          key={view.card}
          result={view.result}
          now={now}
          refreshing={view.refreshing ?? false}
          refreshError={view.refreshError}
          onRefresh={() => hash && onRefresh(hash, view.result)}
          onOpenOptions={onOpenOptions}
          onOpenInTab={hash && onOpenInTab ? () => onOpenInTab(hash) : undefined}
        />
      );
    }
    default:
      return null;
  }
}
