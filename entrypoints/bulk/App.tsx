import { ExportButtons } from '@/components/bulk/ExportButtons';
import { FilterBar } from '@/components/bulk/FilterBar';
import { HashInput } from '@/components/bulk/HashInput';
import { ResultsTable } from '@/components/bulk/ResultsTable';
import { RunStatus } from '@/components/bulk/RunStatus';
import { WatchSelected } from '@/components/bulk/WatchSelected';
import { summaryLine } from '@/utils/bulk/filter';
import { useBulkPage } from '@/utils/bulk/page/use-bulk-page';
import { useFileDrop } from '@/utils/bulk/page/use-file-drop';
import { UnlockForm } from '@/components/lock/UnlockForm';
import { useLockStatus } from '@/utils/lock/page/use-lock-status';

const count = new Intl.NumberFormat('en-US');

/** "Look up many keys": paste or drop text, look every hash up politely, sort, filter, export. */
export function App() {
  const page = useBulkPage();
  const lock = useLockStatus();
  const dragging = useFileDrop((file) => void page.openFile(file));
  const { meta, rows, running, extracted, summary } = page;
  const several = (meta?.accounts.length ?? 0) > 1;

  return (
    <main class={dragging ? 'bulk bulk--dragging' : 'bulk'}>
      <h1>Look up many keys</h1>
      <HashInput
        text={page.text}
        extracted={extracted}
        fileError={page.fileError}
        onText={page.setText}
        onFile={page.openFile}
      />
      {lock.locked && <UnlockForm intro="Unlock to look up." autoFocus={false} onUnlocked={lock.setLock} />}
      <div class="button-row">
        <button
          type="button"
          class="primary"
          disabled={running || lock.locked || extracted.hashes.length === 0 || page.accounts.length === 0}
          // A run that met the lock (it locked itself meanwhile) brings the unlock form back.
          onClick={() => void page.lookUpAll().then(lock.refresh)}
        >
          {extracted.capped ? `Look up the first ${count.format(extracted.hashes.length)}` : 'Look up all'}
        </button>
        {running && (
          <button type="button" onClick={page.cancel}>
            Cancel
          </button>
        )}
        {!running && meta && page.unanswered > 0 && (
          <button type="button" disabled={lock.locked} onClick={() => void page.again()?.then(lock.refresh)}>
            {summary.counts.errors > 0 ? 'Retry failed' : 'Look up the rest'}
          </button>
        )}
      </div>
      {page.progress && <RunStatus progress={page.progress} running={running} />}
      {page.stopped && (
        <p class="field-error" role="alert">
          {page.stopped}
        </p>
      )}
      {meta && rows.length > 0 && (
        <section class="bulk-results" aria-label="Results">
          <p class="bulk-summary">{summaryLine(summary, meta.accounts.length)}</p>
          <FilterBar counts={summary.counts} current={page.filter} onPick={page.setFilter} />
          <WatchSelected rows={rows} accounts={meta.accounts} selected={page.selected} />
          <ResultsTable
            // A new run's table starts anew: its first page, drawn a few rows a frame.
            key={meta.ranAt}
            views={page.shown}
            several={several}
            sort={page.sort}
            onSort={page.setSort}
            selected={page.selected}
            onSelect={page.onSelect}
          />
          <ExportButtons rows={rows} meta={{ ranAt: meta.ranAt, accounts: meta.accounts.map((a) => a.name) }} />
        </section>
      )}
    </main>
  );
}
