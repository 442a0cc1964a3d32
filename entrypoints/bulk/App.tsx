import { useEffect, useMemo, useState } from 'preact/hooks';
import { summarize, summaryLine, filterRows } from '@/utils/bulk/filter';
import { viewRow, type BulkRow, type RowFilter, type RowView } from '@/utils/bulk/row';
import { sortRows, type RowSort } from '@/utils/bulk/sort';
import { extractHashes } from '@/utils/extract-hashes';
import type { AccountRef } from '@/utils/lookup/lookup-error';
import { DEFAULT_CONCURRENCY } from '@/utils/scheduler/pacing';
import { askWorker } from '@/utils/messaging/page/worker-client';
import { ExportButtons } from '@/components/bulk/ExportButtons';
import { FilterBar } from '@/components/bulk/FilterBar';
import { HashInput } from '@/components/bulk/HashInput';
import { readHashFile } from '@/utils/bulk/page/read-file';
import { ResultsTable } from '@/components/bulk/ResultsTable';
import { RunStatus } from '@/components/bulk/RunStatus';
import { useBulkRun } from '@/utils/bulk/page/use-bulk-run';
import { useFileDrop } from '@/utils/bulk/page/use-file-drop';
import { useRowSelection } from '@/utils/bulk/page/use-row-selection';
import { WatchSelected } from '@/components/bulk/WatchSelected';

const count = new Intl.NumberFormat('en-US');

// Rows do not change once answered: each is viewed once, not on every paint.
const views = new WeakMap<BulkRow, RowView>();
const viewOf = (row: BulkRow, now: Date) => {
  let view = views.get(row);
  if (!view) views.set(row, (view = viewRow(row, now)));
  return view;
};

/** "Look up many keys": paste or drop text, look every hash up politely, sort, filter, export. */
export function App() {
  const [text, setText] = useState('');
  const [fileError, setFileError] = useState<string | null>(null);
  const [accounts, setAccounts] = useState<AccountRef[]>([]);
  const [concurrency, setConcurrency] = useState(DEFAULT_CONCURRENCY);
  const [filter, setFilter] = useState<RowFilter>('all');
  const [sort, setSort] = useState<RowSort | null>(null);
  const { meta, rows, progress, running, start, cancel } = useBulkRun(concurrency);
  const { selected, onSelect } = useRowSelection(meta?.ranAt);
  const extracted = useMemo(() => extractHashes(text), [text]);
  const now = useMemo(() => new Date(), [rows]);

  useEffect(() => {
    void askWorker('getSettings').then((reply) => {
      if (!reply.ok) return;
      setAccounts(reply.settings.accounts.map(({ id, name }) => ({ id, name })));
      setConcurrency(reply.settings.bulkConcurrency);
    });
    if (location.hash !== '#inbox') return;
    history.replaceState(null, '', location.pathname);
    void askWorker('takeBulkInbox').then((reply) => {
      if (reply.ok && reply.hashes.length > 0) setText(reply.hashes.join('\n'));
    });
  }, []);

  const openFile = async (file: File) => {
    const read = await readHashFile(file);
    setFileError('error' in read ? read.error : null);
    if ('text' in read) setText(read.text);
  };
  const dragging = useFileDrop((file) => void openFile(file));

  const all = useMemo(() => rows.map((row) => viewOf(row, now)), [rows, now]);
  const summary = useMemo(() => summarize(all), [all]);
  const shown = useMemo(() => {
    const picked = filterRows(all, filter);
    return sort ? sortRows(picked, sort, now) : picked;
  }, [all, filter, sort, now]);

  const unanswered = summary.counts.errors + rows.filter((row) => row.result.kind === 'pending').length;
  const lookUpAll = () =>
    void start({ ranAt: new Date().toISOString(), accounts, hashes: extracted.hashes }).catch(() => undefined);
  const again = () => meta && void start(meta, true).catch(() => undefined);
  const several = (meta?.accounts.length ?? 0) > 1;

  return (
    <main class={dragging ? 'bulk bulk--dragging' : 'bulk'}>
      <h1>Look up many keys</h1>
      <HashInput text={text} extracted={extracted} fileError={fileError} onText={setText} onFile={openFile} />
      <div class="button-row">
        <button
          type="button"
          class="primary"
          disabled={running || extracted.hashes.length === 0 || accounts.length === 0}
          onClick={lookUpAll}
        >
          {extracted.capped ? `Look up the first ${count.format(extracted.hashes.length)}` : 'Look up all'}
        </button>
        {running && (
          <button type="button" onClick={cancel}>
            Cancel
          </button>
        )}
        {!running && meta && unanswered > 0 && (
          <button type="button" onClick={again}>
            {summary.counts.errors > 0 ? 'Retry failed' : 'Look up the rest'}
          </button>
        )}
      </div>
      {progress && <RunStatus progress={progress} running={running} />}
      {meta && rows.length > 0 && (
        <section class="bulk-results" aria-label="Results">
          <p class="bulk-summary">{summaryLine(summary)}</p>
          <FilterBar counts={summary.counts} current={filter} onPick={setFilter} />
          <WatchSelected rows={rows} accounts={meta.accounts} selected={selected} />
          <ResultsTable
            views={shown}
            several={several}
            sort={sort}
            onSort={setSort}
            selected={selected}
            onSelect={onSelect}
          />
          <ExportButtons rows={rows} meta={{ ranAt: meta.ranAt, accounts: meta.accounts.map((a) => a.name) }} />
        </section>
      )}
    </main>
  );
}
