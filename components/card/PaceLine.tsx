import type { ApiKey } from '@/utils/api-key';
import { projectPace } from '@/utils/card/pace';
import { paceWords } from '@/utils/card/pace-words';

export interface PaceLineProps {
  apiKey: ApiKey;
  /** When the API answered: the projection is made from the figures as of then. */
  answeredAt: Date;
  now: Date;
}

/**
 * Where the key's spend is heading by its reset. A run-out before the reset is a warning, said in
 * words ("Warning:") beside an icon, so it never rests on colour alone.
 */
export function PaceLine({ apiKey, answeredAt, now }: PaceLineProps) {
  const words = paceWords(projectPace(apiKey, answeredAt), now);
  if (words === null) return null;
  if (!words.warning) return <p class="spend__pace">{words.text}</p>;
  return (
    <p class="spend__pace spend__pace--warning">
      <span class="spend__pace-icon" aria-hidden="true">
        ⚠
      </span>{' '}
      <strong>Warning:</strong> {words.text}
    </p>
  );
}
