import { describe, expect, it } from 'vitest';
import { accountMeant } from './account-meant';

const production = { id: 'production', name: 'Production' };
const staging = { id: 'staging', name: 'Staging' };

describe('accountMeant: the account a request means', () => {
  it('is the account with the id the request names', () => {
    expect(accountMeant([production, staging], 'staging')).toBe(staging);
    expect(accountMeant([production], 'production')).toBe(production);
  });

  it('is none for an id no saved account has, even with one account', () => {
    expect(accountMeant([production, staging], 'gone')).toBeUndefined();
    expect(accountMeant([production], 'gone')).toBeUndefined();
  });

  it('is the only account when the request names none', () => {
    expect(accountMeant([production])).toBe(production);
  });

  it('is none when the request names none and several accounts leave it open, or there is none', () => {
    expect(accountMeant([production, staging])).toBeUndefined();
    expect(accountMeant([])).toBeUndefined();
  });
});
