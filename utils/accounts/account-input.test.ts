import { describe, expect, it } from 'vitest';
import { ACCOUNT_MESSAGES, checkAccounts, unknownAccountIds, type AccountInput } from './account-input';
import { BASE_URL_MESSAGES } from './base-url';
import { MANAGEMENT_KEY_MESSAGES } from './management-key-input';

const URL = 'https://modelgates.ai/api/v1';
const KEY = 'sk-mg-mgmt-0123456789abcdef';
const saved = (id: string, name: string, extra: Partial<AccountInput> = {}): AccountInput => ({
  id,
  name,
  baseUrl: URL,
  ...extra,
});
const added = (name: string, extra: Partial<AccountInput> = {}): AccountInput => ({
  name,
  baseUrl: URL,
  managementKey: KEY,
  ...extra,
});

describe('checkAccounts: every field of several accounts', () => {
  it('accepts accounts and cleans them: names and keys trimmed, base URLs normalized', () => {
    expect(
      checkAccounts([
        saved('a', ' Production '),
        added('Staging', { baseUrl: 'http://127.0.0.1:8788/api/v1/', managementKey: ` ${KEY}\n` }),
      ]),
    ).toEqual({
      ok: true,
      accounts: [
        { id: 'a', name: 'Production', baseUrl: URL },
        { name: 'Staging', baseUrl: 'http://127.0.0.1:8788/api/v1', managementKey: KEY },
      ],
    });
  });

  // Each row: the accounts sent, and the message each one gets beside which field.
  it.each<[string, AccountInput[], Array<Record<string, string>>]>([
    ['a blank name', [saved('a', '   ')], [{ name: ACCOUNT_MESSAGES.nameEmpty }]],
    ['a name over 60 characters', [saved('a', 'x'.repeat(61))], [{ name: ACCOUNT_MESSAGES.nameTooLong }]],
    [
      'the same name twice, told apart only by case and spaces: the second one is marked',
      [saved('a', 'Production'), added(' production ')],
      [{}, { name: ACCOUNT_MESSAGES.nameTaken }],
    ],
    [
      'a name taken by an account further up, with other accounts between',
      [saved('a', 'Staging'), saved('b', 'Production'), added('Staging')],
      [{}, {}, { name: ACCOUNT_MESSAGES.nameTaken }],
    ],
    [
      'a bad base URL in the second account only',
      [saved('a', 'Production'), saved('b', 'Staging', { baseUrl: 'http://staging.example.com/api' })],
      [{}, { baseUrl: BASE_URL_MESSAGES.httpNotLocal }],
    ],
    [
      'a new account without a key',
      [saved('a', 'One'), added('Two', { managementKey: '' })],
      [{}, { managementKey: ACCOUNT_MESSAGES.newKeyMissing }],
    ],
    [
      'a key with inner whitespace',
      [saved('a', 'One', { managementKey: 'sk-mg abc' })],
      [{ managementKey: MANAGEMENT_KEY_MESSAGES.whitespace }],
    ],
    [
      'a key hash pasted as the key',
      [added('One', { managementKey: 'a'.repeat(64) })],
      [{ managementKey: MANAGEMENT_KEY_MESSAGES.keyHash }],
    ],
    [
      'every field of one account wrong at once',
      [added('', { baseUrl: 'ftp://x', managementKey: 'ключ' })],
      [
        {
          name: ACCOUNT_MESSAGES.nameEmpty,
          baseUrl: BASE_URL_MESSAGES.notHttps,
          managementKey: MANAGEMENT_KEY_MESSAGES.notPrintable,
        },
      ],
    ],
  ])('refuses %s, with a message beside each bad field', (_case, inputs, expected) => {
    expect(checkAccounts(inputs)).toEqual({ ok: false, accountErrors: expected });
  });

  it('keeps a saved account’s key when no new one is typed', () => {
    expect(checkAccounts([saved('a', 'One', { managementKey: '  ' })])).toEqual({
      ok: true,
      accounts: [{ id: 'a', name: 'One', baseUrl: URL }],
    });
  });

  it.each([
    ['no account', [], ACCOUNT_MESSAGES.none],
    ['11 accounts', Array.from({ length: 11 }, (_, i) => added(`Account ${i + 1}`)), ACCOUNT_MESSAGES.tooMany],
  ])('refuses %s as a whole', (_case, inputs, message) => {
    const check = checkAccounts(inputs);
    expect(check).toMatchObject({ ok: false, listError: message });
  });

  it('accepts 10 accounts', () => {
    expect(checkAccounts(Array.from({ length: 10 }, (_, i) => added(`Account ${i + 1}`))).ok).toBe(true);
  });
});

describe('unknownAccountIds', () => {
  it.each([
    ['saved ids and new accounts', [{ id: 'a' }, {}, { id: 'b' }], []],
    ['an id that is not saved', [{ id: 'a' }, { id: 'zzz' }], ['zzz']],
    ['a saved id named twice', [{ id: 'a' }, { id: 'a' }], ['a']],
  ])('finds none or the culprits in %s', (_case, inputs, expected) => {
    expect(unknownAccountIds(inputs, ['a', 'b'])).toEqual(expected);
  });
});
