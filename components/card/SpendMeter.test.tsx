import { render, screen } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import type { ApiKey } from '@/utils/api-key';
import { SpendMeter } from './SpendMeter';
import { makeKey, NOW } from '@/test/fixtures/key';

const METER_LABEL = 'Share of the spending limit used';

function renderMeter(overrides: Partial<ApiKey>) {
  return render(<SpendMeter apiKey={makeKey(overrides)} now={NOW} />);
}

function text(): string {
  return screen.getByRole('region', { name: 'Spending limit' }).textContent ?? '';
}

describe('SpendMeter figures', () => {
  it.each<[string, Partial<ApiKey>, string[]]>([
    ['part spent', { limit: 100, limit_remaining: 57.25 }, ['$42.75 of $100.00 used', '$57.25 left']],
    ['all spent', { limit: 25, limit_remaining: 0 }, ['$25.00 of $25.00 used', '$0.00 left']],
    ['overspent', { limit: 20, limit_remaining: -5 }, ['$25.00 of $20.00 used', '$5.00 over the limit']],
    ['untouched', { limit: 50, limit_remaining: 50 }, ['$0.00 of $50.00 used', '$50.00 left']],
    ['remaining unknown', { limit: 100, limit_remaining: undefined }, ['Limit: $100.00', 'Remaining: unknown']],
    ['remaining null', { limit: 100, limit_remaining: null }, ['Limit: $100.00', 'Remaining: unknown']],
    ['no limit', { limit: null, limit_remaining: null }, ['No spending limit']],
    ['limit unknown', { limit: undefined, limit_remaining: undefined }, ['Spending limit: unknown']],
    [
      'limit unknown, remaining known',
      { limit: undefined, limit_remaining: 88 },
      ['Spending limit: unknown', '$88.00 left'],
    ],
  ])('%s', (_case, overrides, expected) => {
    renderMeter(overrides);
    for (const line of expected) expect(screen.queryByText(line)).not.toBeNull();
  });

  it('draws the meter as used out of the limit', () => {
    renderMeter({ limit: 100, limit_remaining: 57.25 });
    const meter = screen.getByLabelText(METER_LABEL);
    expect(meter.tagName).toBe('METER');
    expect(meter.getAttribute('min')).toBe('0');
    expect(meter.getAttribute('max')).toBe('100');
    expect(meter.getAttribute('value')).toBe('42.75');
  });

  it('keeps an overspent meter on its track', () => {
    renderMeter({ limit: 20, limit_remaining: -5 });
    expect(screen.getByLabelText(METER_LABEL).getAttribute('value')).toBe('20');
  });

  it.each<[string, Partial<ApiKey>]>([
    ['no limit', { limit: null }],
    ['limit unknown', { limit: undefined }],
    ['remaining unknown', { limit: 100, limit_remaining: undefined }],
    ['a zero limit', { limit: 0, limit_remaining: 0 }],
  ])('draws no meter for %s', (_case, overrides) => {
    renderMeter(overrides);
    expect(screen.queryByLabelText(METER_LABEL)).toBeNull();
  });

  it('says nothing about resets when there is no limit', () => {
    renderMeter({ limit: null, limit_reset: 'daily' });
    expect(text()).toBe('No spending limit');
  });
});

describe('SpendMeter reset line (now = Thursday 2026-11-26 19:00 UTC)', () => {
  it.each<[ApiKey['limit_reset'], string, string, string]>([
    ['daily', 'Resets daily · resets in 5 h', '2026-11-27T00:00:00.000Z', 'Nov 27, 2026, 00:00'],
    ['DAILY', 'Resets daily · resets in 5 h', '2026-11-27T00:00:00.000Z', 'Nov 27, 2026, 00:00'],
    ['weekly', 'Resets weekly · resets in 3 d 5 h', '2026-11-30T00:00:00.000Z', 'Nov 30, 2026, 00:00'],
    ['monthly', 'Resets monthly · resets in 4 d 5 h', '2026-12-01T00:00:00.000Z', 'Dec 1, 2026, 00:00'],
  ])('%s', (limitReset, line, resetAt, exact) => {
    renderMeter({ limit_reset: limitReset });
    const paragraph = screen.getByText((_content, element) => element?.textContent === line);
    const time = paragraph.querySelector('time');
    expect(time?.getAttribute('dateTime')).toBe(resetAt);
    // The exact UTC moment is one hover away.
    expect(time?.getAttribute('title')).toBe(`${exact} UTC`);
  });

  it.each<[ApiKey['limit_reset'], string]>([
    [null, 'Does not reset'],
    [undefined, 'Resets: unknown'],
    ['yearly', 'Resets: yearly'],
    ['<img src=x onerror=alert(1)>', 'Resets: <img src=x onerror=alert(1)>'],
  ])('%s reads "%s"', (limitReset, line) => {
    const { container } = renderMeter({ limit_reset: limitReset });
    expect(screen.queryByText(line)).not.toBeNull();
    expect(container.querySelector('img, time')).toBeNull();
  });
});
