import { render, screen, within } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import type { ApiKey } from '@/utils/api-key';
import { KeyCard } from './KeyCard';
import { HOSTILE_STRINGS, makeKey, NOW } from '@/test/fixtures/key';

function renderCard(overrides: Partial<ApiKey> = {}) {
  return render(<KeyCard apiKey={makeKey(overrides)} now={NOW} />);
}

function badgeTexts(): string[] {
  const list = screen.getByRole('list', { name: 'Status' });
  return within(list)
    .getAllByRole('listitem')
    .map((item) => item.textContent ?? '');
}

describe('KeyCard', () => {
  it('is one labelled article headed by the key name, with its label in monospace', () => {
    renderCard();
    const card = screen.getByRole('article', { name: 'Key details' });
    expect(within(card).getByRole('heading', { level: 2 }).textContent).toBe('Production backend');
    expect(within(card).getByText('sk-mg-v1-7f3…a91').tagName).toBe('CODE');
  });

  it('names the account that holds the key when given one', () => {
    render(<KeyCard apiKey={makeKey()} now={NOW} account="Production" />);
    const card = screen.getByRole('article', { name: 'Key details' });
    expect(within(card).getByText('Account: Production').tagName).toBe('P');
  });

  it('says nothing of accounts without one: with a single account the card is as it was', () => {
    renderCard();
    expect(screen.getByRole('article', { name: 'Key details' }).textContent).not.toMatch(/Account/);
  });

  it.each(HOSTILE_STRINGS)('shows a hostile account name %s as text', (name) => {
    const { container } = render(<KeyCard apiKey={makeKey()} now={NOW} account={name} />);
    expect(screen.getByText(`Account: ${name}`)).toBeTruthy();
    expect(container.querySelector('img, script, svg')).toBeNull();
  });

  it('holds the spend, usage and details sections', () => {
    renderCard();
    const card = screen.getByRole('article', { name: 'Key details' });
    expect(within(card).queryByText('$42.75 of $100.00 used')).not.toBeNull();
    expect(within(card).queryByRole('table', { name: 'Usage' })).not.toBeNull();
    expect(within(card).queryByRole('button', { name: 'Copy hash' })).not.toBeNull();
  });

  it.each<[string, Partial<ApiKey>]>([
    ['missing', { name: undefined }],
    ['empty', { name: '' }],
    ['blank', { name: '   ' }],
  ])('calls a key with a %s name "Unnamed key"', (_case, overrides) => {
    renderCard(overrides);
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Unnamed key');
  });

  it('says when the label is unknown', () => {
    renderCard({ label: undefined });
    expect(screen.queryByText('Label: unknown')).not.toBeNull();
  });

  it.each<[string, Partial<ApiKey>, string[]]>([
    ['active, no expiry', {}, ['Active', 'No expiry']],
    ['disabled', { disabled: true }, ['Disabled', 'No expiry']],
    ['status unknown', { disabled: undefined, expires_at: undefined }, ['Status unknown', 'Expiry unknown']],
    ['expired', { expires_at: '2026-11-20T00:00:00Z' }, ['Expired']],
    ['expiring soon', { expires_at: '2026-11-29T19:00:00Z' }, ['Active', 'Expires in 3 days']],
    ['limit reached', { limit: 25, limit_remaining: 0 }, ['Active', 'No expiry', 'Limit reached']],
  ])('%s: badges read %j', (_case, overrides, expected) => {
    renderCard(overrides);
    expect(badgeTexts()).toEqual(expected);
  });

  it.each(HOSTILE_STRINGS)('shows the hostile name and label %s as plain text', (hostile) => {
    const { container } = renderCard({ name: hostile, label: hostile });
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(hostile);
    expect(container.querySelector('code.key-card__label')?.textContent).toBe(hostile);
    expect(container.querySelector('img, script, svg')).toBeNull();
  });

  it('shows "unknown" throughout for a key that sent only its hash', () => {
    render(
      <KeyCard
        apiKey={{
          hash: makeKey().hash,
          name: undefined,
          label: undefined,
          disabled: undefined,
          expires_at: undefined,
          created_at: undefined,
          updated_at: undefined,
          creator_user_id: undefined,
          workspace_id: undefined,
          limit: undefined,
          limit_remaining: undefined,
          limit_reset: undefined,
          include_byok_in_limit: undefined,
          usage: undefined,
          usage_daily: undefined,
          usage_weekly: undefined,
          usage_monthly: undefined,
          byok_usage: undefined,
          byok_usage_daily: undefined,
          byok_usage_weekly: undefined,
          byok_usage_monthly: undefined,
        }}
        now={NOW}
      />,
    );
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('Unnamed key');
    expect(screen.queryByText('Spending limit: unknown')).not.toBeNull();
    expect(screen.queryByText('Resets: unknown')).not.toBeNull();
    // Four usage figures, then Created, Updated, Workspace and Created by.
    expect(screen.getAllByText('unknown')).toHaveLength(8);
  });
});
