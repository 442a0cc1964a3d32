import type { Badge } from '@/utils/badges';

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
