import { exportCsv, exportFileName, exportJson, type RunMeta } from '@/utils/bulk/export';
import type { BulkRow } from '@/utils/bulk/row';

export interface ExportButtonsProps {
  rows: BulkRow[];
  meta: RunMeta;
}

/** Saves the text as a file through a temporary link: no downloads permission needed. */
function download(text: string, name: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Every field of every row, with the run's time and accounts; never a management key. */
export function ExportButtons({ rows, meta }: ExportButtonsProps) {
  return (
    <div class="button-row">
      <button
        type="button"
        onClick={() => download(exportCsv(rows, meta, new Date()), exportFileName(meta, 'csv'), 'text/csv')}
      >
        Download CSV
      </button>
      <button
        type="button"
        onClick={() => download(exportJson(rows, meta, new Date()), exportFileName(meta, 'json'), 'application/json')}
      >
        Download JSON
      </button>
    </div>
  );
}
