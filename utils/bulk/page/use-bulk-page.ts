import { useEffect, useMemo, useState } from 'preact/hooks';
import { extractHashes } from '@/utils/extract-hashes';
import type { AccountRef } from '@/utils/lookup/lookup-error';
import { askWorker } from '@/utils/messaging/page/worker-client';
import { DEFAULT_CONCURRENCY } from '@/utils/scheduler/pacing';
import { filterRows, summarize } from '../filter';
import { type BulkRow, type RowFilter, type RowView, viewRow } from '../row';
import { type RowSort, sortRows } from '../sort';
import { readHashFile } from './read-file';
import { useBulkRun } from './use-bulk-run';
import { useRowSelection } from './use-row-selection';

// Rows do not change once answered: each is viewed once, not on every paint.
const views = new WeakMap<BulkRow, RowView>();
const viewOf = (row: BulkRow, now: Date) => {
  let view = views.get(row);
  if (!view) views.set(row, (view = viewRow(row, now)));
  return view;
};

/**
 * The state of "Look up many keys": the text and the hashes in it, the accounts and their pace,
 * the run, and the table's filter, sort and selection.
 */
export function useBulkPage() {
  const [text, setText] = useState('');
  const [fileError, setFileError] = useState<string | null>(null);
  const [accounts, setAccounts] = useState<AccountRef[]>([]);
  const [concurrency, setConcurrency] = useState(DEFAULT_CONCURRENCY);
  const [filter, setFilter] = useState<RowFilter>('all');
  const [sort, setSort] = useState<RowSort | null>(null);
  const run = useBulkRun(concurrency);
  const { meta, rows } = run;
  const selection = useRowSelection(meta?.ranAt);
  const extracted = useMemo(() => extractHashes(text), [text]);
  const now = useMemo(() => new Date(), [rows]);

  useEffect(() => {
    void askWorker('getSettings').then((reply) => {
      if (!reply.ok) return;
      setAccounts(reply.settings.accounts.map(({ id, name }) => ({ id, name })));
      setConcurrency(reply.settings.bulkConcurrency);
    });
    // Hashes handed over by the popup, a right-click or "Find key hashes on this page".
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

  const all = useMemo(() => rows.map((row) => viewOf(row, now)), [rows, now]);
  const summary = useMemo(() => summarize(all), [all]);
  const shown = useMemo(() => {
    const picked = filterRows(all, filter);
    return sort ? sortRows(picked, sort, now) : picked;
  }, [all, filter, sort, now]);
  const unanswered = summary.counts.errors + rows.filter((row) => row.result.kind === 'pending').length;

  return {
    ...run,
    ...selection,
    text,
    setText,
    fileError,
    openFile,
    extracted,
    accounts,
    filter,
    setFilter,
    sort,
    setSort,
    summary,
    shown,
    unanswered,
    lookUpAll: () => run.start({ ranAt: new Date().toISOString(), accounts, hashes: extracted.hashes }),
    again: () => meta && run.start(meta, true),
  };
}
