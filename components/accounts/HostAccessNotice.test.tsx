import { act, fireEvent, render, screen } from '@testing-library/preact';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { hasHostAccess, requestHostAccess } from '../../utils/accounts/page/host-access';
import { HostAccessNotice } from './HostAccessNotice';

vi.mock('../../utils/accounts/page/host-access', () => ({ hasHostAccess: vi.fn(), requestHostAccess: vi.fn() }));
const hasAccess = vi.mocked(hasHostAccess);
const requestAccess = vi.mocked(requestHostAccess);

const LOCAL = 'http://127.0.0.1:8787/api/v1';
const NO_GRANT =
  'This extension has no access grant for http://127.0.0.1:8787. Lookups still go out as ordinary cross-origin ' +
  'requests, which work only if that server allows them.';
const SAVE_FIRST = 'Save first, then grant access to the new origin if needed.';

beforeEach(() => {
  vi.resetAllMocks();
});

const notice = (props: Partial<Parameters<typeof HostAccessNotice>[0]> = {}) => (
  <HostAccessNotice savedBaseUrl={LOCAL} generation={1} typedBaseUrl={LOCAL} dirty={false} {...props} />
);

describe('HostAccessNotice', () => {
  it('says the saved origin has no grant and offers one', async () => {
    hasAccess.mockResolvedValue(false);
    const { container } = render(notice());
    await screen.findByRole('button', { name: 'Grant access' });
    expect(container.textContent).toBe(`${NO_GRANT}Grant access`);
    expect(hasAccess).toHaveBeenCalledWith(LOCAL);
  });

  it('asks for the saved origin on a click and goes away once it is granted', async () => {
    hasAccess.mockResolvedValue(false);
    requestAccess.mockResolvedValue(true);
    const { container } = render(notice());
    fireEvent.click(await screen.findByRole('button', { name: 'Grant access' }));
    await vi.waitFor(() => expect(container.textContent).toBe(''));
    expect(requestAccess).toHaveBeenCalledExactlyOnceWith(LOCAL);
  });

  it('stays when the grant is refused', async () => {
    hasAccess.mockResolvedValue(false);
    requestAccess.mockResolvedValue(false);
    render(notice());
    fireEvent.click(await screen.findByRole('button', { name: 'Grant access' }));
    await vi.waitFor(() => expect(requestAccess).toHaveBeenCalledOnce());
    expect(screen.getByRole('button', { name: 'Grant access' })).toBeInstanceOf(HTMLButtonElement);
  });

  it('says nothing while the grant is there', async () => {
    hasAccess.mockResolvedValue(true);
    const { container } = render(notice());
    // act waits for the check to answer and the notice to show what it said.
    await act(async () => {});
    expect(hasAccess).toHaveBeenCalledWith(LOCAL);
    expect(container.textContent).toBe('');
  });

  it.each([
    ['a valid new base URL', 'https://staging.modelgates.ai/api/v1', SAVE_FIRST],
    ['a base URL that would be refused', 'ftp://example.com', ''],
  ])('with unsaved changes and %s, offers no grant for the old origin', async (_, typedBaseUrl, words) => {
    hasAccess.mockResolvedValue(false);
    const { container, rerender } = render(notice());
    await screen.findByRole('button', { name: 'Grant access' });
    rerender(notice({ typedBaseUrl, dirty: true }));
    expect(container.textContent).toBe(words);
    expect(screen.queryByRole('button', { name: 'Grant access' })).toBeNull();
  });

  it('checks again after every save, for the origin saved then', async () => {
    hasAccess.mockResolvedValue(false);
    const { rerender } = render(notice());
    await screen.findByRole('button', { name: 'Grant access' });
    hasAccess.mockResolvedValue(true);
    rerender(notice({ generation: 2 }));
    await vi.waitFor(() => expect(screen.queryByRole('button', { name: 'Grant access' })).toBeNull());
    rerender(notice({ savedBaseUrl: 'https://modelgates.ai/api/v1', generation: 3 }));
    await vi.waitFor(() => expect(hasAccess).toHaveBeenLastCalledWith('https://modelgates.ai/api/v1'));
    expect(hasAccess).toHaveBeenCalledTimes(3);
  });
});
