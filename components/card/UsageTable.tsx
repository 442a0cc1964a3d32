import type { ApiKey } from '@/utils/api-key';
import { formatUsd } from '@/utils/format';

export interface UsageTableProps {
  apiKey: ApiKey;
}

type Figure = number | undefined;

interface UsageRow {
  period: string;
  credits: Figure;
  byok: Figure;
}

function money(amount: Figure): string {
  return amount === undefined ? 'unknown' : formatUsd(amount);
}

function byokNote(includeByok: boolean | undefined): string {
  if (includeByok === undefined) return 'Whether BYOK usage counts toward the limit: unknown';
  return includeByok ? 'BYOK usage counts toward the limit' : 'BYOK usage does not count toward the limit';
}

/** Spend per UTC period. The BYOK column shows only for keys that use BYOK, to keep the card short. */
export function UsageTable({ apiKey }: UsageTableProps) {
  const rows: UsageRow[] = [
    { period: 'Today', credits: apiKey.usage_daily, byok: apiKey.byok_usage_daily },
    { period: 'This week', credits: apiKey.usage_weekly, byok: apiKey.byok_usage_weekly },
    { period: 'This month', credits: apiKey.usage_monthly, byok: apiKey.byok_usage_monthly },
    { period: 'Total', credits: apiKey.usage, byok: apiKey.byok_usage },
  ];
  const showByok =
    apiKey.include_byok_in_limit === true || rows.some((row) => row.byok !== undefined && row.byok !== 0);

  return (
    <section class="usage">
      <table class="usage__table">
        <caption>Usage</caption>
        <thead>
          <tr>
            <th scope="col">Period</th>
            <th scope="col">ModelGates credits</th>
            {showByok && <th scope="col">BYOK</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.period}>
              <th scope="row">{row.period}</th>
              <td>{money(row.credits)}</td>
              {showByok && <td>{money(row.byok)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
      {showByok && <p class="usage__note">{byokNote(apiKey.include_byok_in_limit)}</p>}
    </section>
  );
}
