import type { ComponentType } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { formatUtc } from '@/utils/format';
import type { KeyHash } from '@/utils/hash-input';
import { historyCsv, historyFileName } from '@/utils/spend-history/csv';
import { useSpendHistory } from '@/utils/spend-history/page/use-spend-history';
import type { SpendHistoryView } from '@/utils/spend-history/view';
import { HistoryTable } from './HistoryTable';

export interface SpendHistorySectionProps {
  hash: KeyHash;
  /** The card's account; left out when there is one account. */
  accountId?: string;
  /** When the card's answer came: a new one adds a point, so the history is asked for again. */
  fetchedAt: string;
}

const TABLE_ID = 'spend-history-table';

/** Saves the text as a file through a temporary link: no downloads permission needed. */
function download(text: string, name: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * The card page's "Spend history" of a watched key: a chart (its library is loaded here only,
 * after the card), "Show as table" for anyone who cannot see the chart, and the CSV. A key not
 * watched and without a history gets one line saying how to start one.
 */
export function SpendHistorySection({ hash, accountId, fetchedAt }: SpendHistorySectionProps) {
  const history = useSpendHistory(hash, accountId, fetchedAt);
  const [tableShown, setTableShown] = useState(false);
  if (!history) return null;
  const { samples } = history;
  const first = samples[0];
  const last = samples.at(-1);
  return (
    <section class="spend-history" aria-labelledby="spend-history-heading">
      <h2 id="spend-history-heading" class="spend-history__heading">
        Spend history
      </h2>
      {first === undefined || last === undefined ? (
        <p class="muted">
          {history.watching
            ? 'No points yet: the next check of this key adds the first.'
            : 'Watch this key to keep a history of its spend (each check and lookup adds a point).'}
        </p>
      ) : (
        <>
          <p class="muted spend-history__span">
            {samples.length === 1 ? '1 point' : `${samples.length} points`}, {formatUtc(new Date(first.at))} to{' '}
            {formatUtc(new Date(last.at))}
            {history.watching ? '' : '. Not watched any more: no new points are added.'}
          </p>
          <LazyChart history={history} />
          <div class="button-row">
            <button
              type="button"
              class="button--small"
              aria-expanded={tableShown}
              aria-controls={TABLE_ID}
              onClick={() => setTableShown(!tableShown)}
            >
              {tableShown ? 'Hide table' : 'Show as table'}
            </button>
            <button
              type="button"
              class="button--small"
              onClick={() => download(historyCsv(history), historyFileName(history.hash, new Date()))}
            >
              Download history (CSV)
            </button>
          </div>
          {tableShown && <HistoryTable id={TABLE_ID} samples={samples} />}
        </>
      )}
    </section>
  );
}

type Chart = ComponentType<{ history: SpendHistoryView }>;

/** The chart's code (and its library) load when there is a history to draw, and only here. */
function LazyChart({ history }: { history: SpendHistoryView }) {
  const [chart, setChart] = useState<{ Chart: Chart } | 'failed' | null>(null);
  useEffect(() => {
    import('./SpendChart').then(
      ({ SpendChart }) => setChart({ Chart: SpendChart }),
      () => setChart('failed'),
    );
  }, []);
  if (chart === 'failed')
    return <p class="field-error">The chart could not be loaded. “Show as table” lists every point.</p>;
  if (chart === null) return <div class="spend-chart spend-chart--loading" aria-busy="true" />;
  return <chart.Chart history={history} />;
}
