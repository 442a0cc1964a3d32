import { render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import type { Badge } from '@/utils/card/badges';
import { StatusBadge } from './StatusBadge';

describe('StatusBadge', () => {
  it.each<[Badge, string]>([
    [{ id: 'active', text: 'Active', tone: 'ok' }, 'badge badge--ok'],
    [{ id: 'disabled', text: 'Disabled', tone: 'danger' }, 'badge badge--danger'],
    [
      {
        id: 'expires_soon',
        text: 'Expires in 3 days',
        tone: 'warning',
        title: 'Nov 29, 2026, 19:00 UTC',
      },
      'badge badge--warning',
    ],
    [{ id: 'no_expiry', text: 'No expiry', tone: 'neutral' }, 'badge badge--neutral'],
  ])('shows "$0.text" with its tone class', (badge, className) => {
    render(<StatusBadge badge={badge} />);
    const element = screen.getByText(badge.text);
    expect(element.className).toBe(className);
  });

  it('puts the exact time in the title when the badge has one', () => {
    render(
      <StatusBadge
        badge={{
          id: 'expires',
          text: 'Expires in 30 days',
          tone: 'neutral',
          title: 'Dec 26, 2026, 19:00 UTC',
        }}
      />,
    );
    expect(screen.getByText('Expires in 30 days').getAttribute('title')).toBe('Dec 26, 2026, 19:00 UTC');
  });

  it('has no title when the badge has none', () => {
    render(<StatusBadge badge={{ id: 'active', text: 'Active', tone: 'ok' }} />);
    expect(screen.getByText('Active').hasAttribute('title')).toBe(false);
  });
});
