import type { ApiKey } from '@/utils/api-key';
import { deriveBadges } from '@/utils/card/badges';
import { displayName } from '@/utils/key-name';
import { KeyMeta } from './KeyMeta';
import { SpendMeter } from './SpendMeter';
import { StatusBadges } from './StatusBadge';
import { UsageTable } from './UsageTable';

export interface KeyCardProps {
  apiKey: ApiKey;
  now: Date;
  /** The account that holds the key; given only when there are several accounts. */
  account?: string;
  /** ISO time the API answered; the projection of the spend is made as of then. */
  fetchedAt?: string;
}

/** Everything the API said about one key, laid out to fit the popup without scrolling. */
export function KeyCard({ apiKey, now, account, fetchedAt }: KeyCardProps) {
  const { name, label } = apiKey;
  const badges = deriveBadges(apiKey, now);
  return (
    <article class="key-card" aria-label="Key details">
      <header class="key-card__header">
        <h2 class="key-card__name">{displayName(name)}</h2>
        {label === undefined ? (
          <span class="key-card__label">Label: unknown</span>
        ) : (
          label !== '' && <code class="key-card__label mono">{label}</code>
        )}
        {account !== undefined && <p class="key-card__account">Account: {account}</p>}
        <StatusBadges badges={badges} />
      </header>
      <SpendMeter apiKey={apiKey} now={now} answeredAt={fetchedAt === undefined ? undefined : new Date(fetchedAt)} />
      <UsageTable apiKey={apiKey} />
      <KeyMeta apiKey={apiKey} now={now} />
    </article>
  );
}
