import { shortenHash } from '@/utils/format';
import type { KeyHash } from '@/utils/hash-input';

export interface HashChoiceProps {
  /** Two or more different hashes, in the order they appear in the pasted text. */
  hashes: KeyHash[];
  onPick: (hash: KeyHash) => void;
}

export function HashChoice({ hashes, onPick }: HashChoiceProps) {
  return (
    <div class="hash-choice">
      <p class="hash-choice__prompt">This text holds {hashes.length} key hashes. Pick one:</p>
      <ul class="hash-choice__list">
        {hashes.map((hash) => (
          <li key={hash}>
            <button
              type="button"
              class="hash-choice__button"
              title={hash}
              aria-label={`Look up ${hash}`}
              onClick={() => onPick(hash)}
            >
              <code class="mono">{shortenHash(hash)}</code>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
