import { render } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { makeKey } from '@/test/fixtures/key';
import type { ApiKey } from '@/utils/api-key';
import { viewRow } from '@/utils/bulk/row';
import type { KeyHash } from '@/utils/hash-input';
import { RunsOutCell } from './RunsOutCell';

const HASH = 'a'.repeat(64) as KeyHash;
// Answered at noon; shown a minute later. The daily reset is 12 h away.
const cell = (key: Partial<ApiKey>, fetchedAt = '2026-11-26T12:00:00Z') => {
  const view = viewRow(
    { hash: HASH, account: null, result: { kind: 'found', key: makeKey(key), fetchedAt } },
    new Date('2026-11-26T12:01:00Z'),
  );
  const { container } = render(<RunsOutCell view={view} />);
  return { text: container.textContent, title: container.querySelector('[title]')?.getAttribute('title') };
};

describe('the "Runs out" cell', () => {
  it('says when a key on pace runs out, with a warning sign and the exact time', () => {
    expect(cell({ limit_reset: 'daily', usage_daily: 60, limit_remaining: 40 })).toEqual({
      text: '⚠ In about 8 h',
      title: 'At this pace the limit is reached Nov 26, 2026, 20:00 UTC',
    });
  });

  it.each([
    ['a calm key', { limit_reset: 'daily', usage_daily: 20, limit_remaining: 80 }, 'Not before the reset'],
    ['the first minutes of a period', { limit_reset: 'monthly', usage_monthly: 3 }, 'Too early to say'],
    ['nothing spent', { limit_reset: 'daily', usage_daily: 0 }, 'No spend yet'],
    ['a limit already reached', { limit_remaining: 0 }, 'Reached'],
    ['no limit', { limit: null, limit_remaining: null }, '—'],
  ] as [string, Partial<ApiKey>, string][])('%s: %s', (_, key, text) => {
    const fetchedAt = key.limit_reset === 'monthly' ? '2026-12-01T00:30:00Z' : undefined;
    expect(cell(key, fetchedAt).text).toBe(text);
  });
});
