import { fireEvent, render, screen } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import type { ApiKey } from '@/utils/api-key';
import { KeyMeta } from './KeyMeta';
import { HASH, makeKey, NOW } from '@/test/fixtures/key';

/** The definition list as a user reads it: term → description text. */
function readMeta(overrides: Partial<ApiKey> = {}): Record<string, string> {
  const { container } = render(<KeyMeta apiKey={makeKey(overrides)} now={NOW} />);
  const entries: Record<string, string> = {};
  for (const term of container.querySelectorAll('dt')) {
    entries[term.textContent ?? ''] = term.nextElementSibling?.textContent ?? '';
  }
  return entries;
}

describe('KeyMeta', () => {
  it('shows times relative to now, workspace, creator', () => {
    expect(readMeta()).toMatchObject({
      Created: '5 months ago',
      Updated: '9 days ago',
      Workspace: '8f3b2c1a-5d6e-4f70-9a1b-2c3d4e5f6a7b',
      'Created by': 'user_2mK8pQ4rT6vX9zB1cD3fG5hJ7k',
    });
  });

  it('puts the machine time and the exact UTC time on each relative time', () => {
    render(<KeyMeta apiKey={makeKey()} now={NOW} />);
    const created = screen.getByText('5 months ago');
    expect(created.tagName).toBe('TIME');
    expect(created.getAttribute('dateTime')).toBe('2026-07-07T19:00:00.000Z');
    expect(created.getAttribute('title')).toMatch(/Jul 7, 2026.*19:00.*UTC/);
  });

  it.each<[string, Partial<ApiKey>, Record<string, string>]>([
    ['never updated', { updated_at: null }, { Updated: 'Never' }],
    ['update time missing', { updated_at: undefined }, { Updated: 'unknown' }],
    ['creation time missing', { created_at: undefined }, { Created: 'unknown' }],
    ['creation time unreadable', { created_at: 'last Tuesday' }, { Created: 'unknown' }],
    ['workspace missing', { workspace_id: undefined }, { Workspace: 'unknown' }],
    ['workspace empty', { workspace_id: '' }, { Workspace: 'unknown' }],
    ['no creator recorded', { creator_user_id: null }, { 'Created by': '—' }],
    ['creator missing', { creator_user_id: undefined }, { 'Created by': 'unknown' }],
  ])('%s', (_case, overrides, expected) => {
    expect(readMeta(overrides)).toMatchObject(expected);
  });

  it('shows the hash shortened, with the full hash in its title', () => {
    render(<KeyMeta apiKey={makeKey()} now={NOW} />);
    const code = screen.getByTitle(HASH);
    expect(code.tagName).toBe('CODE');
    expect(code.textContent?.startsWith(HASH.slice(0, 8))).toBe(true);
    expect(code.textContent?.endsWith(HASH.slice(-6))).toBe(true);
    expect(code.textContent).toContain('…');
  });

  it('copies the full hash with "Copy hash"', () => {
    const writeText = vi.spyOn(navigator.clipboard, 'writeText').mockResolvedValue(undefined);
    render(<KeyMeta apiKey={makeKey()} now={NOW} />);
    fireEvent.click(screen.getByRole('button', { name: 'Copy hash' }));
    expect(writeText).toHaveBeenCalledWith(HASH);
  });

  it.each(['<img src=x onerror=alert(1)>', '</script><script>alert(1)</script>'])(
    'shows a hostile workspace id %s as text',
    (workspace) => {
      const { container } = render(<KeyMeta apiKey={makeKey({ workspace_id: workspace })} now={NOW} />);
      expect(screen.queryByText(workspace)).not.toBeNull();
      expect(container.querySelector('img, script')).toBeNull();
    },
  );
});
