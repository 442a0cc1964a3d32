import { tableRows } from '@/utils/spend-history/chart-data';
import type { SpendSample } from '@/utils/spend-history/samples';

/** Every point of the chart as a table, newest first: what a screen reader reads instead of the chart. */
export function HistoryTable({ id, samples }: { id: string; samples: readonly SpendSample[] }) {
  return (
    <div class="spend-history__table-wrap" id={id}>
      <table class="spend-history__table">
        <caption>Spend history, newest first (times in UTC)</caption>
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Used of the limit</th>
            <th scope="col">Limit</th>
            <th scope="col">Remaining</th>
            <th scope="col">This period</th>
            <th scope="col">In all</th>
          </tr>
        </thead>
        <tbody>
          {tableRows(samples).map((row) => (
            <tr key={row.at}>
              <th scope="row">
                <time dateTime={new Date(row.at).toISOString()}>{row.when}</time>
              </th>
              <td>{row.used}</td>
              <td>{row.limit}</td>
              <td>{row.remaining}</td>
              <td>{row.period}</td>
              <td>{row.total}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
