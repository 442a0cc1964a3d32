import { shortenHash } from '@/utils/format';
import type { KeyHash } from '@/utils/hash-input';

export interface HashChoiceProps {
  /** Two or more different hashes, in the order they appear in the pasted text. */
  hashes: KeyHash[];
  onPick: (hash: KeyHash) => void;
  /** "Look up all N": opens the bulk lookup page with every one of them. */
  onLookUpAll?: () => void;
}

export function HashChoice({ hashes, onPick, onLookUpAll }: HashChoiceProps) {
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
      {onLookUpAll && (
        <button type="button" class="hash-choice__all" onClick={onLookUpAll}>
          Look up all {hashes.length}
        </button>
      )}
    </div>
  );
}
