import { fireEvent, render, screen, within } from '@testing-library/preact';
import { describe, expect, it, vi } from 'vitest';
import type { LookupError } from '@/utils/lookup/lookup-error';
import { ErrorNotice } from './ErrorNotice';
import { NOW } from '@/test/fixtures/key';

const noop = () => undefined;

describe('ErrorNotice', () => {
  it.each<[LookupError, string, RegExp, boolean]>([
    [{ kind: 'not_configured' }, 'No management key saved', /in the options/, true],
    [{ kind: 'unauthorized' }, 'Management key rejected', /401/, true],
    [{ kind: 'not_found' }, 'No key with this hash', /no api key with this hash/i, false],
    [
      { kind: 'rate_limited', retryAt: new Date(NOW.getTime() + 30_000).toISOString() },
      'Too many requests',
      /Try again in 30 seconds/,
      false,
    ],
    [{ kind: 'rate_limited' }, 'Too many requests', /Wait a moment before trying again\./, false],
    [{ kind: 'server_error', status: 503 }, 'ModelGates server error', /The API answered 503\./, false],
    [{ kind: 'http_error', status: 403 }, 'Unexpected answer from the API', /The API answered 403\./, false],
    [{ kind: 'timeout', seconds: 10 }, 'The API did not answer in time', /No answer within 10 seconds\./, false],
    [{ kind: 'network', origin: 'https://modelgates.ai' }, 'Could not reach the API', /https:\/\/modelgates\.ai/, true],
    [{ kind: 'redirected', status: 302 }, 'The API redirected the request', /not followed/i, true],
    [
      { kind: 'bad_response', status: 200, reason: 'too_large' },
      'Unreadable answer from the API',
      /larger than 1 MB/,
      false,
    ],
    [
      { kind: 'invalid_request', message: 'A key hash is 64 hexadecimal characters.' },
      'Request refused',
      /^A key hash is 64 hexadecimal characters\.$/,
      false,
    ],
  ])('%o reads "%s"', (error, title, body, offersOptions) => {
    render(<ErrorNotice error={error} now={NOW} onOpenOptions={noop} />);
    const alert = screen.getByRole('alert');
    expect(within(alert).getByRole('heading').textContent).toBe(title);
    expect(within(alert).queryByText(body)).not.toBeNull();
    expect(within(alert).queryByRole('button', { name: 'Open options' }) !== null).toBe(offersOptions);
  });

  it('calls onOpenOptions when "Open options" is clicked', () => {
    const onOpenOptions = vi.fn();
    render(<ErrorNotice error={{ kind: 'not_configured' }} now={NOW} onOpenOptions={onOpenOptions} />);
    fireEvent.click(screen.getByRole('button', { name: 'Open options' }));
    expect(onOpenOptions).toHaveBeenCalledTimes(1);
  });

  it("quotes the API's own message in a separate paragraph", () => {
    render(<ErrorNotice error={{ kind: 'not_found', detail: 'Key not found' }} now={NOW} onOpenOptions={noop} />);
    expect(screen.getByText('The API said: Key not found').tagName).toBe('P');
  });

  it('says nothing about the API when it gave no message', () => {
    render(<ErrorNotice error={{ kind: 'not_found' }} now={NOW} onOpenOptions={noop} />);
    expect(screen.queryByText(/The API said/)).toBeNull();
  });

  it.each(['<img src=x onerror=alert(1)>', '</script><b>bold</b>'])(
    'shows a hostile API message %s as text',
    (detail) => {
      const { container } = render(
        <ErrorNotice error={{ kind: 'server_error', status: 500, detail }} now={NOW} onOpenOptions={noop} />,
      );
      expect(screen.queryByText(`The API said: ${detail}`)).not.toBeNull();
      expect(container.querySelector('img, b, script')).toBeNull();
    },
  );

  it('lists each account that could not be asked, with its own words, after where the key was not found', () => {
    const error: LookupError = {
      kind: 'not_in_accounts',
      notFoundIn: [{ id: 'p', name: 'Production' }],
      failed: [
        { account: { id: 's', name: 'Staging' }, error: { kind: 'unauthorized', detail: 'Invalid management key' } },
        { account: { id: 'c', name: 'Client' }, error: { kind: 'timeout', seconds: 10 } },
      ],
    };
    render(<ErrorNotice error={error} now={NOW} onOpenOptions={noop} />);
    const alert = screen.getByRole('alert');
    expect(within(alert).getByRole('heading').textContent).toBe('No key with this hash in Production');
    expect(within(alert).getByText('Staging and Client could not be asked, so the key may be there:')).toBeTruthy();
    expect(
      within(alert)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      'Staging: Management key rejected. The API refused the saved management key (401). Check it or replace it in the options. The API said: Invalid management key',
      'Client: The API did not answer in time. No answer within 10 seconds.',
    ]);
    expect(within(alert).getByRole('button', { name: 'Open options' })).toBeTruthy();
  });

  it('names every account when none has the key, with no list of failures', () => {
    const accounts = ['Production', 'Staging', 'Client'].map((name) => ({ id: name, name }));
    render(
      <ErrorNotice
        error={{ kind: 'not_in_accounts', notFoundIn: accounts, failed: [] }}
        now={NOW}
        onOpenOptions={noop}
      />,
    );
    const alert = screen.getByRole('alert');
    expect(within(alert).getByRole('heading').textContent).toBe('No key with this hash in any of your 3 accounts');
    expect(alert.textContent).toContain('Production, Staging and Client each answered');
    expect(within(alert).queryByRole('list')).toBeNull();
    expect(within(alert).queryByRole('button')).toBeNull();
  });
});
