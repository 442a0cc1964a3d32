import { fireEvent, render, screen } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { HASH } from '@/test/fixtures/key';
import type { KeyHash } from '@/utils/hash-input';
import type { SpendHistoryView } from '@/utils/spend-history/view';
import { WATCH_CHANGED } from '@/utils/watch/page/watch-changed';

const askWorker = vi.fn();
vi.mock('@/utils/messaging/page/worker-client', () => ({ askWorker: (...args: unknown[]) => askWorker(...args) }));
// The chart draws on a canvas, which this DOM has not: its own test is in the browsers.
vi.mock('./SpendChart', () => ({ SpendChart: () => <p>the chart</p> }));
const { SpendHistorySection } = await import('./SpendHistorySection');

const history = (fields: Partial<SpendHistoryView> = {}): SpendHistoryView => ({
  hash: HASH,
  name: 'Production backend',
  watching: true,
  reset: 'monthly',
  samples: [
    { at: Date.parse('2026-12-01T14:00:00Z'), total: 318.4, period: 42.75, limit: 100, remaining: 57.25 },
    { at: Date.parse('2026-12-01T14:30:00Z'), total: 330.4, period: 54.75, limit: 100, remaining: 45.25 },
  ],
  ...fields,
});

beforeEach(() => askWorker.mockReset());
const shown = (view: SpendHistoryView) => {
  askWorker.mockResolvedValue({ ok: true, history: view });
  render(<SpendHistorySection hash={HASH as KeyHash} fetchedAt="2026-12-01T14:30:00Z" />);
};

describe('SpendHistorySection', () => {
  it('shows the chart, and the table of every point on "Show as table"', async () => {
    shown(history());
    await screen.findByText('the chart');
    expect(screen.getByText(/^2 points, /).textContent).toBe(
      '2 points, Dec 1, 2026, 14:00 UTC to Dec 1, 2026, 14:30 UTC',
    );
    const toggle = screen.getByRole('button', { name: 'Show as table' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(toggle);
    const table = screen.getByRole('table', { name: 'Spend history, newest first (times in UTC)' });
    expect(Array.from(table.querySelectorAll('tbody tr'), (row) => row.textContent)).toEqual([
      'Dec 1, 2026, 14:30 UTC$54.75$100.00$45.25$54.75$330.40',
      'Dec 1, 2026, 14:00 UTC$42.75$100.00$57.25$42.75$318.40',
    ]);
    expect(screen.getByRole('button', { name: 'Hide table' }).getAttribute('aria-expanded')).toBe('true');
    expect(screen.getByRole('button', { name: 'Download history (CSV)' })).not.toBeNull();
  });

  it('says a kept history gets no new points, and how to start one for a key without', async () => {
    shown(history({ watching: false }));
    await screen.findByText(/Not watched any more: no new points are added\./);
    askWorker.mockResolvedValue({ ok: true, history: history({ watching: false, samples: [] }) });
    window.dispatchEvent(new Event(WATCH_CHANGED));
    await screen.findByText('Watch this key to keep a history of its spend (each check and lookup adds a point).');
    expect(screen.queryByText('the chart')).toBeNull();
    expect(askWorker).toHaveBeenCalledWith('spendHistory', { hash: HASH });
  });
});
