import { describe, expect, it } from 'vitest';
import { makeKey } from '@/test/fixtures/key';
import { mergeAnswers, type MergedLookup } from './account-answers';
import { describeLookupError } from './error-message';
import type { LookupError } from './lookup-error';
import type { LookupResult } from './lookup-result';

const NOW = new Date('2026-11-26T19:00:00Z');
const FETCHED = '2026-11-26T19:00:01.000Z';
const PRODUCTION = { id: 'p', name: 'Production' };
const STAGING = { id: 's', name: 'Staging' };
const CLIENT = { id: 'c', name: 'Client' };
const THREE = [PRODUCTION, STAGING, CLIENT];

const found = (name: string): LookupResult => ({ ok: true, key: makeKey({ name }), fetchedAt: FETCHED });
const failed = (error: LookupError): LookupResult => ({ ok: false, error });
const notFound = failed({ kind: 'not_found', detail: 'API key not found' });
const rejected = failed({ kind: 'unauthorized', detail: 'Invalid management key' });
const limited = failed({ kind: 'rate_limited', retryAt: new Date(NOW.getTime() + 30_000).toISOString() });
const timedOut = failed({ kind: 'timeout', seconds: 10 });
const serverError = failed({ kind: 'server_error', status: 502 });

/** What the user sees: each card's name and account line, or the notice's lines. */
function seen(merged: MergedLookup | null): string[] | null {
  if (merged === null) return null;
  if (merged.ok) {
    const cards = merged.found.map((f) => (f.account ? `${f.key.name} | Account: ${f.account.name}` : `${f.key.name}`));
    return merged.pending ? [...cards, `still asking ${merged.pending.map((a) => a.name).join(', ')}`] : cards;
  }
  const message = describeLookupError(merged.error, NOW);
  const lines = (message.accounts ?? []).map(
    ({ name, message: m }) => `${name}: ${m.title}. ${m.body}${m.detail ? ` The API said: ${m.detail}` : ''}`,
  );
  return [message.title, message.body, ...lines];
}

// Each row: the accounts, the answers that have come (in any order), and what the user sees.
describe('mergeAnswers: per-account answers into what the user sees', () => {
  it.each<[string, { id: string; name: string }[], [string, LookupResult][], string[] | null]>([
    ['one account, found: the card as today, no account named', [PRODUCTION], [['p', found('Backend')]], ['Backend']],
    [
      'one account, not found: today’s words',
      [PRODUCTION],
      [['p', notFound]],
      ['No key with this hash', 'There is no API key with this hash in this account (404).'],
    ],
    [
      'one account, key rejected: today’s words',
      [PRODUCTION],
      [['p', rejected]],
      [
        'Management key rejected',
        'The API refused the saved management key (401). Check it or replace it in the options.',
      ],
    ],
    [
      'found in the second of three, the others not answered yet: shown at once',
      THREE,
      [['s', found('Staging key')]],
      ['Staging key | Account: Staging', 'still asking Production, Client'],
    ],
    [
      'found in one, 404 in the others',
      THREE,
      [
        ['p', notFound],
        ['c', notFound],
        ['s', found('Staging key')],
      ],
      ['Staging key | Account: Staging'],
    ],
    [
      'found in one while another failed: the key is what counts',
      THREE,
      [
        ['p', rejected],
        ['s', found('Staging key')],
        ['c', notFound],
      ],
      ['Staging key | Account: Staging'],
    ],
    [
      'found twice: both, in the order of the accounts, each with its account',
      THREE,
      [
        ['c', found('Client copy')],
        ['p', found('Production copy')],
        ['s', notFound],
      ],
      ['Production copy | Account: Production', 'Client copy | Account: Client'],
    ],
    [
      'nothing found yet, one account still to answer: no answer yet',
      THREE,
      [
        ['p', notFound],
        ['s', notFound],
      ],
      null,
    ],
    [
      'not found anywhere: the count and the names',
      THREE,
      [
        ['p', notFound],
        ['s', notFound],
        ['c', notFound],
      ],
      [
        'No key with this hash in any of your 3 accounts',
        'Production, Staging and Client each answered that there is no API key with this hash (404).',
      ],
    ],
    [
      'mixed: 404 in one, 401, 429 and a timeout elsewhere, each in today’s words',
      [PRODUCTION, STAGING, CLIENT, { id: 'x', name: 'Lab' }],
      [
        ['p', notFound],
        ['s', rejected],
        ['c', limited],
        ['x', timedOut],
      ],
      [
        'No key with this hash in Production',
        'Staging, Client and Lab could not be asked, so the key may be there:',
        'Staging: Management key rejected. The API refused the saved management key (401). Check it or replace it in the options. The API said: Invalid management key',
        'Client: Too many requests. Try again in 30 seconds.',
        'Lab: The API did not answer in time. No answer within 10 seconds.',
      ],
    ],
    [
      'mixed: two accounts say 404, one has a server error',
      THREE,
      [
        ['p', notFound],
        ['s', serverError],
        ['c', notFound],
      ],
      [
        'No key with this hash in Production and Client',
        'Staging could not be asked, so the key may be there:',
        'Staging: ModelGates server error. The API answered 502. Try again in a minute.',
      ],
    ],
    [
      'none could be asked',
      [PRODUCTION, STAGING],
      [
        ['p', timedOut],
        ['s', failed({ kind: 'not_configured' })],
      ],
      [
        'None of your 2 accounts could be asked',
        'So the key may be in any of them:',
        'Production: The API did not answer in time. No answer within 10 seconds.',
        'Staging: No management key saved. Add your ModelGates management key in the options to look up keys.',
      ],
    ],
    [
      'no account has a key saved: said once, as with one account',
      [PRODUCTION, STAGING],
      [
        ['p', failed({ kind: 'not_configured' })],
        ['s', failed({ kind: 'not_configured' })],
      ],
      ['No management key saved', 'Add your ModelGates management key in the options to look up keys.'],
    ],
    [
      'replaced by a newer lookup: nothing to say per account',
      [PRODUCTION, STAGING],
      [
        ['p', notFound],
        ['s', failed({ kind: 'cancelled' })],
      ],
      ['Lookup replaced', 'A newer lookup took the place of this one.'],
    ],
  ])('%s', (_case, accounts, answers, expected) => {
    expect(seen(mergeAnswers(accounts, new Map(answers)))).toEqual(expected);
  });

  it('offers the options page when an account’s failure is fixed there', () => {
    const merged = mergeAnswers(
      [PRODUCTION, STAGING],
      new Map([
        ['p', notFound],
        ['s', rejected],
      ]),
    );
    expect(merged?.ok === false && describeLookupError(merged.error, NOW).action).toBe('open_options');
  });

  it('names the accounts by id and name only', () => {
    const merged = mergeAnswers(
      [{ ...PRODUCTION, baseUrl: 'https://x' } as typeof PRODUCTION, STAGING],
      new Map([['p', found('k')]]),
    );
    expect(merged?.ok && merged.found[0].account).toEqual({ id: 'p', name: 'Production' });
  });
});
