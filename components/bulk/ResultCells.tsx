import { CopyButton } from '@/components/card/CopyButton';
import { StatusBadges } from '@/components/card/StatusBadge';
import type { ApiKey } from '@/utils/api-key';
import type { RowView } from '@/utils/bulk/row';
import { canWatch } from '@/utils/bulk/watch-rows';
import { cardPath } from '@/utils/lookup/card-address';
import { describeLookupError } from '@/utils/lookup/error-message';
import { formatUsd, formatUtc, parseTime, shortenHash, UNKNOWN_TEXT } from '@/utils/format';
import { displayName } from '@/utils/key-name';
import { nextLimitReset } from '@/utils/card/limit-reset';
import { memo } from 'preact/compat';
import { RunsOutCell } from './RunsOutCell';
import type { SelectRows } from '../../utils/bulk/page/use-row-selection';

const percent = new Intl.NumberFormat('en-US', { style: 'percent', maximumFractionDigits: 0 });
const usd = (value: number | null | undefined) => (typeof value === 'number' ? formatUsd(value) : UNKNOWN_TEXT);

/** "$60.00 of $100.00 (60%)", in the card's words for no limit or an unknown one. */
export function spentOfLimit({ limit, limit_remaining: remaining }: ApiKey): string {
  if (limit === null) return 'No limit';
  if (typeof limit !== 'number' || typeof remaining !== 'number') return UNKNOWN_TEXT;
  const spent = Math.max(0, limit - remaining);
  return limit > 0 ? `${formatUsd(spent)} of ${formatUsd(limit)} (${percent.format(spent / limit)})` : formatUsd(0);
}

function resetText(key: ApiKey, now: Date): string {
  if (key.limit_reset === null || key.limit === null) return 'Never';
  const next = nextLimitReset(key.limit_reset, now);
  return next ? formatUtc(next) : UNKNOWN_TEXT;
}

function expiryText(key: ApiKey): string {
  if (key.expires_at === null) return 'Never';
  const at = parseTime(key.expires_at);
  return at ? formatUtc(at) : UNKNOWN_TEXT;
}

export interface ResultRowProps {
  view: RowView;
  several: boolean;
  /** Ticked for "Watch selected". */
  selected: boolean;
  onSelect: SelectRows;
}

/**
 * One hash's row; memoized, so a run's new answers redraw only their own rows. Its times are as
 * of its view, not of each paint, or every paint would redraw every row.
 */
export const ResultRow = memo(function ResultRow({ view, several, selected, onSelect }: ResultRowProps) {
  const { row, badges, viewedAt: now } = view;
  const { result } = row;
  const key = result.kind === 'found' ? result.key : null;
  const failure = result.kind === 'error' ? describeLookupError(result.error, now) : null;
  const name = key ? displayName(key.name) : null;
  return (
    <tr class={`bulk-row bulk-row--${result.kind}`}>
      <td class="bulk-select">
        {/* Only a found key can be watched: other rows' boxes are there, but cannot be ticked. */}
        <input
          type="checkbox"
          aria-label={`Select ${name ?? shortenHash(row.hash)}`}
          checked={selected}
          disabled={!canWatch(row)}
          onChange={(event) => onSelect([row.hash], event.currentTarget.checked)}
        />
      </td>
      <td>
        {name === null ? (
          '—'
        ) : (
          // A real link: a click, a middle-click or "Open in new tab" all open the key's card.
          <a href={cardPath(row.hash)} target="_blank" rel="noopener">
            {name}
          </a>
        )}
      </td>
      {several && <td>{row.account ?? '—'}</td>}
      <td>
        {badges.length > 0 ? (
          <StatusBadges badges={badges} />
        ) : failure ? (
          <span class="bulk-failure">
            <strong>{failure.title}</strong> {failure.body}
          </span>
        ) : (
          view.status
        )}
      </td>
      <td>{key ? spentOfLimit(key) : '—'}</td>
      <td>{key ? (key.limit === null ? 'No limit' : usd(key.limit_remaining)) : '—'}</td>
      <td>{key ? resetText(key, now) : '—'}</td>
      <td>
        <RunsOutCell view={view} />
      </td>
      <td>{key ? usd(key.usage_monthly) : '—'}</td>
      <td>{key ? expiryText(key) : '—'}</td>
      <td class="bulk-hash">
        <code class="mono" title={row.hash}>
          {shortenHash(row.hash)}
        </code>
        <CopyButton text={row.hash} label={`Copy hash ${shortenHash(row.hash)}`} />
      </td>
    </tr>
  );
});
