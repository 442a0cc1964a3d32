import { render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { makeKey, NOW } from '@/test/fixtures/key';
import { KeyCard } from './KeyCard';

// NOW is Thursday 2026-11-26 19:00 UTC: the daily reset is 5 h away, 19 h of the day are gone.
const pace = () => document.querySelector('.spend__pace');

describe('the pace on the card', () => {
  it('a calm key shows its projection, without a warning', () => {
    // The sample's $42.75 in 25 d 19 h of a 30-day month: about $50 by December 1st.
    render(<KeyCard apiKey={makeKey()} now={NOW} />);
    expect(pace()?.textContent).toBe('At this pace: about $50 by the reset (limit $100)');
    expect(screen.queryByText('Warning:')).toBeNull();
  });

  it('a key on pace past its limit says when it runs out, as a warning in words', () => {
    // $85 of a daily $100 in 19 h: $4.47 an hour, so the $15 left is gone in 3 h 21 min,
    // before the reset in 5 h.
    const key = makeKey({ limit_reset: 'daily', usage_daily: 85, limit_remaining: 15 });
    render(<KeyCard apiKey={key} now={NOW} />);
    expect(pace()?.textContent).toBe(
      '⚠ Warning: At this pace the limit is reached in about 3 h, before the reset in 5 h',
    );
    expect(pace()?.querySelector('[aria-hidden="true"]')?.textContent).toBe('⚠');
  });

  it('projects from when the API answered, and says the times from now', () => {
    // Answered at 18:00 with $80 of $100 spent ($4.44/h): $20 lasts 4 h 30 min, to 22:30.
    const key = makeKey({ limit_reset: 'daily', usage_daily: 80, limit_remaining: 20 });
    render(<KeyCard apiKey={key} now={NOW} fetchedAt="2026-11-26T18:00:00Z" />);
    expect(pace()?.textContent).toContain('the limit is reached in about 4 h, before the reset in 5 h');
  });

  it.each([
    [
      'too early in the period',
      { limit_reset: 'monthly', usage_monthly: 1 },
      new Date('2026-12-01T06:00:00Z'),
      'Too early in the period to project',
    ],
    ['nothing spent yet', { usage_monthly: 0 }, NOW, 'No spend yet this period: nothing to project'],
  ] as const)('%s: says so, and no figure', (_, fields, now, words) => {
    render(<KeyCard apiKey={makeKey(fields)} now={now} fetchedAt={now.toISOString()} />);
    expect(pace()?.textContent).toBe(words);
  });

  it.each([
    ['no limit', { limit: null, limit_remaining: null }],
    ['no reset', { limit_reset: null }],
    ['the limit reached (the badge says it)', { limit_remaining: 0 }],
  ] as const)('%s: nothing', (_, fields) => {
    render(<KeyCard apiKey={makeKey(fields)} now={NOW} />);
    expect(pace()).toBeNull();
  });
});
