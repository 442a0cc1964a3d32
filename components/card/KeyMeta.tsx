import type { ApiKey } from '@/utils/api-key';
import { formatRelative, formatUtc, parseTime, shortenHash } from '@/utils/format';
import { CopyButton } from './CopyButton';

export interface KeyMetaProps {
  apiKey: ApiKey;
  now: Date;
}

/** A documented text field the API sent empty reads the same as a missing one. */
function known(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '';
}

function Moment({ value, now }: { value: string | undefined; now: Date }) {
  const date = parseTime(value);
  if (date === null) return <>unknown</>;
  return (
    <time dateTime={date.toISOString()} title={formatUtc(date)}>
      {formatRelative(date, now)}
    </time>
  );
}

export function KeyMeta({ apiKey, now }: KeyMetaProps) {
  const { updated_at, creator_user_id, workspace_id, hash } = apiKey;
  return (
    <dl class="key-meta">
      <dt>Created</dt>
      <dd>
        <Moment value={apiKey.created_at} now={now} />
      </dd>

      <dt>Updated</dt>
      <dd>{updated_at === null ? 'Never' : <Moment value={updated_at} now={now} />}</dd>

      <dt>Workspace</dt>
      <dd>{known(workspace_id) ? <code class="mono">{workspace_id}</code> : 'unknown'}</dd>

      <dt>Created by</dt>
      <dd>
        {creator_user_id === null ? (
          <span title="No creator recorded">—</span>
        ) : known(creator_user_id) ? (
          <code class="mono">{creator_user_id}</code>
        ) : (
          'unknown'
        )}
      </dd>

      <dt>Hash</dt>
      <dd class="key-meta__hash">
        <code class="mono" title={hash}>
          {shortenHash(hash)}
        </code>
        <CopyButton text={hash} label="Copy hash" />
      </dd>
    </dl>
  );
}
