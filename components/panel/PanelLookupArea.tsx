import { useEffect, useRef } from 'preact/hooks';
import { LookupForm } from '@/components/lookup/LookupForm';
import { LookupView } from '@/components/lookup/LookupView';
import { loadAnswerWhenIdle } from '@/components/lookup/LazyAnswer';
import { cardPath } from '@/utils/lookup/card-address';
import { openOwnPage } from '@/utils/lookup/page/open-page';
import { askWorker } from '@/utils/messaging/page/worker-client';
import { usePanel } from '@/utils/panel/page/use-panel';
import { PanelStack } from './PanelStack';

/**
 * Everything the side panel does, in one component: the "Key hash" field, what its lookup shows
 * that is not a card (spinner, choice, why nothing was found), and the stack of this session's
 * keys. The page renders it alone, so that whatever must come first (an unlock form) can take its
 * place there. Its pages stay in the panel: nothing here closes the window it is in.
 */
export function PanelLookupArea({ onLocked }: { onLocked?: () => void }) {
  const panel = usePanel();
  const { entry } = panel;
  const input = useRef<HTMLInputElement>(null);
  const { view } = entry;

  // A lookup that met the lock (it locked itself since the panel opened): the page shows the form.
  useEffect(() => {
    if (view.kind === 'result' && !view.result.ok && view.result.error.kind === 'locked') onLocked?.();
  }, [view]);

  useEffect(() => {
    // The field has the focus as the panel opens, whatever the browser did with autofocus.
    input.current?.focus();
    loadAnswerWhenIdle();
  }, []);

  function clearStack() {
    void panel.clear();
    input.current?.focus();
  }

  return (
    <>
      <LookupForm
        text={entry.text}
        error={entry.inputError}
        inputRef={input}
        onText={entry.setText}
        onSubmit={entry.submit}
        onPaste={entry.onPaste}
        onKeyDown={panel.onInputKeyDown}
      />
      <section class="panel-result" aria-live="polite">
        <LookupView
          view={panel.fieldView}
          now={entry.now}
          onPick={entry.pick}
          onLookUpAll={(hashes) => void askWorker('openBulk', { hashes })}
          onRefresh={(hash, shown) => void entry.refresh(hash, shown)}
          onOpenOptions={() => openOwnPage('/options.html')}
        />
      </section>
      <PanelStack
        cards={panel.cards}
        connections={panel.connections}
        now={panel.now}
        current={panel.current}
        onCollapse={panel.collapse}
        onClear={clearStack}
        onRefresh={panel.refresh}
        onOpenInTab={(hash) => openOwnPage(cardPath(hash))}
        onOpenOptions={() => openOwnPage('/options.html')}
      />
    </>
  );
}
