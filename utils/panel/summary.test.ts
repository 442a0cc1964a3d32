import { describe, expect, it } from 'vitest';
import { HASH, NOW, makeKey } from '@/test/fixtures/key';
import type { ApiKey } from '../api-key';
import type { KeyHash } from '../hash-input';
import type { StackCard } from './stack';
import { summarize } from './summary';

const card = (key: Partial<ApiKey>, accounts: string[] = []): StackCard => {
  const keys = (accounts.length > 0 ? accounts : [undefined]).map((name) => ({
    key: makeKey(key),
    fetchedAt: NOW.toISOString(),
    ...(name ? { account: { id: name.toLowerCase(), name } } : {}),
  }));
  return { hash: HASH as KeyHash, found: keys as StackCard['found'], collapsed: true, at: NOW.toISOString() };
};

describe('a collapsed card’s one line', () => {
  it('says the name, the account, the status and the spend against the limit', () => {
    const line = summarize(card({ name: 'Billing bot', limit: 100, limit_remaining: 57.5 }, ['Production']), NOW);
    expect(line).toEqual({
      name: 'Billing bot',
      account: 'Production',
      status: { text: 'Active', tone: 'ok' },
      spend: '$42.50 of $100.00',
    });
  });

  it('names no account with a single one, and every account that holds the key otherwise', () => {
    expect(summarize(card({}), NOW).account).toBeUndefined();
    expect(summarize(card({}, ['Production', 'Staging']), NOW).account).toBe('Production and Staging');
  });

  it.each<[string, Partial<ApiKey>, string, string]>([
    ['a disabled key', { disabled: true }, 'Disabled', 'danger'],
    ['an expired key', { disabled: false, expires_at: '2026-11-01T00:00:00Z' }, 'Expired', 'danger'],
    ['a key whose status the API did not say', { disabled: undefined }, 'Status unknown', 'neutral'],
    ['an active key at its limit', { limit: 25, limit_remaining: 0 }, 'Limit reached', 'danger'],
    ['an active key expiring soon', { expires_at: '2026-11-28T19:00:00Z' }, 'Expires in 2 days', 'warning'],
    ['an active key expiring in a month', { expires_at: '2026-12-28T19:00:00Z' }, 'Active', 'ok'],
  ])('says the status of %s', (_, key, text, tone) => {
    expect(summarize(card(key), NOW).status).toEqual({ text, tone });
  });

  it.each<[string, Partial<ApiKey>, string]>([
    ['no limit', { limit: null, usage: 12 }, '$12.00 spent, no limit'],
    ['no limit and no usage figure', { limit: null, usage: undefined }, 'No spending limit'],
    ['a limit without what is left', { limit: 100, limit_remaining: undefined }, 'Spend unknown'],
    ['more left than the limit', { limit: 100, limit_remaining: 120 }, '$0.00 of $100.00'],
  ])('says the spend with %s', (_, key, spend) => {
    expect(summarize(card(key), NOW).spend).toBe(spend);
  });

  it('calls a key without a name what every other place calls it', () => {
    expect(summarize(card({ name: '  ' }), NOW).name).toBe('Unnamed key');
  });
});
