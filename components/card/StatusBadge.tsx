import type { Badge } from '@/utils/card/badges';

export interface StatusBadgeProps {
  badge: Badge;
}

/** One status word. The text carries the meaning; the tone colour only repeats it. */
export function StatusBadge({ badge }: StatusBadgeProps) {
  return (
    <span class={`badge badge--${badge.tone}`} title={badge.title}>
      {badge.text}
    </span>
  );
}

/** A key's status words, as a list named "Status": the card's and the bulk table's. */
export function StatusBadges({ badges }: { badges: readonly Badge[] }) {
  return (
    <ul class="badge-list" aria-label="Status">
      {badges.map((badge) => (
        <li key={badge.id}>
          <StatusBadge badge={badge} />
        </li>
      ))}
    </ul>
  );
}
