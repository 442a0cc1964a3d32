import { fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HASH, NOW, OTHER_HASH, makeKey } from '@/test/fixtures/key';
import type { KeyHash } from '@/utils/hash-input';
import type { MergedLookup } from '@/utils/lookup/account-answers';
import type { UnseenLookup } from '@/utils/lookup/views';
import { askWorker } from '@/utils/messaging/page/worker-client';
import type { PanelPush } from '@/utils/panel/port-protocol';
import { connectPanel } from '@/utils/panel/page/panel-port';
import type { StackCard } from '@/utils/panel/stack';
import { PanelLookupArea } from './PanelLookupArea';

vi.mock('@/utils/messaging/page/worker-client', () => ({ askWorker: vi.fn() }));
vi.mock('@/utils/panel/page/panel-port', () => ({ connectPanel: vi.fn() }));
vi.mock('@/utils/panel/page/extension-api', () => ({ currentWindowId: vi.fn(async () => 7), extensionApi: vi.fn() }));

const panelLookup = vi.fn<(request: unknown) => Promise<MergedLookup>>();
const take = vi.fn<() => Promise<{ ok: true; last: UnseenLookup | null }>>();
const sent: Array<[string, unknown]> = [];
let push: (message: PanelPush) => void = () => undefined;

beforeEach(() => {
  sent.length = 0;
  panelLookup.mockReset();
  take.mockReset().mockResolvedValue({ ok: true, last: null });
  vi.mocked(askWorker).mockImplementation((async (type: string, data?: unknown) => {
    sent.push([type, data]);
    if (type === 'panelLookup') return panelLookup(data);
    if (type === 'panelTakeLookup') return take();
    if (type === 'watchStatus') return { ok: true, watching: false };
    if (type === 'clearStack') return { ok: true, cards: [] };
    return { ok: true, cards: [] };
  }) as typeof askWorker);
  vi.mocked(connectPanel).mockImplementation((_windowId, onPush, onConnected) => {
    push = onPush;
    onConnected?.();
    return () => undefined;
  });
  vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
});
afterEach(() => vi.useRealTimers());

const found = (name: string) => ({ key: makeKey({ name }), fetchedAt: NOW.toISOString() });
const card = (hash: string, name: string, collapsed = false): StackCard => ({
  hash: hash as KeyHash,
  found: [found(name)],
  collapsed,
  at: NOW.toISOString(),
});
const input = () => screen.getByLabelText('Key hash') as HTMLInputElement;
const lines = () => Array.from(document.querySelectorAll('.stack-card__name'), (line) => line.textContent);
const underField = () => document.querySelector('.panel-result')?.textContent ?? '';

async function openPanel(cards: StackCard[] = []) {
  render(<PanelLookupArea />);
  await waitFor(() => expect(connectPanel).toHaveBeenCalledWith(7, expect.any(Function), expect.any(Function)));
  push({ kind: 'stack', cards });
  await screen.findByRole('heading', { name: 'This session’s keys' });
}

describe('the side panel', () => {
  it('has the focus in "Key hash", connects for its window, and lists the stack the worker sends', async () => {
    await openPanel([card(HASH, 'Billing bot'), card(OTHER_HASH, 'Nightly runner', true)]);
    expect(document.activeElement).toBe(input());
    expect(lines()).toEqual(['Billing bot', 'Nightly runner']);
    const [open, collapsed] = screen
      .getAllByRole('button', { expanded: true })
      .concat(screen.getAllByRole('button', { expanded: false }));
    expect(open?.textContent).toContain('Billing bot');
    expect(collapsed?.textContent).toBe('Nightly runner Active $42.75 of $100.00');
    expect(await screen.findAllByRole('article', { name: 'Key details' })).toHaveLength(1);
    expect(document.querySelector('.stack')?.getAttribute('data-connections')).toBe('1');
  });

  it('looks a typed hash up through the panel’s own message, on Enter; the key goes on top, not under the field', async () => {
    await openPanel([card(OTHER_HASH, 'Nightly runner')]);
    panelLookup.mockResolvedValue({ ok: true, found: [found('Billing bot')] });
    fireEvent.input(input(), { target: { value: HASH } });
    fireEvent.submit(input().form as HTMLFormElement);
    await waitFor(() => expect(lines()).toEqual(['Billing bot', 'Nightly runner']));
    expect(sent).toContainEqual(['panelLookup', { hash: HASH, allowCached: true }]);
    expect(sent.map(([type]) => type)).not.toContain('lookup');
    expect(underField()).toBe('');
  });

  it('says under the field why a hash is not found, leaves the stack, and Esc clears the field', async () => {
    await openPanel([card(OTHER_HASH, 'Nightly runner')]);
    panelLookup.mockResolvedValue({ ok: false, error: { kind: 'not_found' } });
    fireEvent.input(input(), { target: { value: HASH } });
    fireEvent.submit(input().form as HTMLFormElement);
    await waitFor(() => expect(underField()).toContain('No key with this hash'));
    expect(lines()).toEqual(['Nightly runner']);
    fireEvent.keyDown(input(), { key: 'Escape' });
    expect(input().value).toBe('');
    expect(underField()).toBe('');
  });

  it('shows a right-click lookup in its window: the hash in the field, the spinner, then its card on top', async () => {
    await openPanel();
    let answer: (reply: { ok: true; last: UnseenLookup }) => void = () => undefined;
    take.mockReturnValue(new Promise((resolve) => (answer = resolve)));
    push({ kind: 'rightClick', hash: HASH as KeyHash });
    await waitFor(() => expect(input().value).toBe(HASH));
    expect(underField()).toContain('Looking up key…');
    answer({ ok: true, last: { hash: HASH as KeyHash, result: { ok: true, found: [found('Billing bot')] } } });
    await waitFor(() => expect(lines()).toEqual(['Billing bot']));
    expect(underField()).toBe('');
  });

  it('collapses a card to its line through the worker, and "Clear" empties the stack', async () => {
    await openPanel([card(HASH, 'Billing bot')]);
    fireEvent.click(screen.getByRole('button', { name: 'Billing bot Active $42.75 of $100.00' }));
    expect(sent).toContainEqual(['collapseStackCard', { hash: HASH, collapsed: true }]);
    expect(
      screen.getByRole('button', { name: 'Billing bot Active $42.75 of $100.00' }).getAttribute('aria-expanded'),
    ).toBe('false');
    fireEvent.click(screen.getByRole('button', { name: 'Clear' }));
    await waitFor(() => expect(lines()).toEqual([]));
    expect(sent).toContainEqual(['clearStack', undefined]);
    expect(screen.getByText(/stay listed until the browser closes/)).toBeTruthy();
    expect(document.activeElement).toBe(input());
    expect(within(document.body).queryByRole('button', { name: 'Clear' })).toBeNull();
  });
});
