import { useRef } from 'preact/hooks';
import { MAX_BULK_HASHES, type ExtractedHashes } from '@/utils/extract-hashes';
import { FILE_TYPES } from '../../utils/bulk/page/read-file';

export interface HashInputProps {
  text: string;
  extracted: ExtractedHashes;
  fileError: string | null;
  onText: (text: string) => void;
  onFile: (file: File) => void;
}

const count = new Intl.NumberFormat('en-US');
const plural = (n: number, one: string, many: string) => `${count.format(n)} ${n === 1 ? one : many}`;

/** What the text holds: hashes to look up, secret keys skipped, and the cap when it applies. */
export function foundLine({ hashes, found, capped, secretsIgnored }: ExtractedHashes): string {
  const parts = [
    capped
      ? `${plural(found, 'key hash', 'key hashes')} found`
      : `${plural(hashes.length, 'key hash', 'key hashes')} found`,
  ];
  if (secretsIgnored > 0) {
    parts.push(`${plural(secretsIgnored, 'secret key', 'secret keys')} ignored (never sent)`);
  }
  const line = `${parts.join(' · ')}.`;
  return capped
    ? `${line} That is more than ${count.format(MAX_BULK_HASHES)}: only the first ${count.format(MAX_BULK_HASHES)} can be looked up.`
    : line;
}

export function HashInput({ text, extracted, fileError, onText, onFile }: HashInputProps) {
  const picker = useRef<HTMLInputElement>(null);
  return (
    <div class="bulk-input">
      <label class="field-label" for="bulk-text">
        Hashes or text containing them
      </label>
      <textarea
        id="bulk-text"
        class="bulk-text mono"
        rows={8}
        spellcheck={false}
        value={text}
        aria-describedby="bulk-found"
        placeholder="Paste a billing export, a log excerpt or a list of key hashes, or drop a file here."
        onInput={(event) => onText(event.currentTarget.value)}
      />
      <div class="button-row">
        <button type="button" onClick={() => picker.current?.click()}>
          Choose file…
        </button>
        <input
          ref={picker}
          type="file"
          class="visually-hidden"
          tabIndex={-1}
          aria-hidden="true"
          accept={FILE_TYPES.join(',')}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            if (file) onFile(file);
            event.currentTarget.value = '';
          }}
        />
        <span class="field-hint">.csv, .txt, .log or .json, up to 5 MB</span>
      </div>
      <p id="bulk-found" class="field-hint" role="status">
        {text.trim() === '' ? '' : foundLine(extracted)}
      </p>
      {fileError && (
        <p class="field-error" role="alert">
          {fileError}
        </p>
      )}
    </div>
  );
}
