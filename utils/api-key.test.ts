import { describe, expect, it } from 'vitest';
import { apiKeySchema, errorBodySchema, keyResponseSchema } from './api-key';

const HASH = 'f01d52606dc8f0a8303a7b5cc3fa07109c2e346cec7c0a16b40de462992ce943';
const parse = (fields: Record<string, unknown>) => apiKeySchema().parse({ hash: HASH, ...fields });

describe('apiKeySchema (tolerant)', () => {
  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    ['a documented number', { usage: 42.5 }, { usage: 42.5 }],
    ['a documented string', { name: 'Billing exporter' }, { name: 'Billing exporter' }],
    ['a documented flag', { disabled: true }, { disabled: true }],
    ['a missing field', {}, { usage: undefined, name: undefined, disabled: undefined }],
    ['a number sent as a string', { usage: '42.5' }, { usage: undefined }],
    ['a name that is a number', { name: 7 }, { name: undefined }],
    ['a flag sent as a string', { disabled: 'false' }, { disabled: undefined }],
    [
      'null where the spec forbids it',
      { usage: null, name: null, disabled: null },
      { usage: undefined, name: undefined, disabled: undefined },
    ],
    ['null limit: no limit', { limit: null, limit_remaining: null }, { limit: null, limit_remaining: null }],
    ['null expiry: never expires', { expires_at: null }, { expires_at: null }],
    ['a limit of the wrong type', { limit: 'unlimited' }, { limit: undefined }],
    ['an expiry of the wrong type', { expires_at: 1767225600 }, { expires_at: undefined }],
    ['a limit reset that is null', { limit_reset: null }, { limit_reset: null }],
    ['an object where a number belongs', { usage_daily: { value: 1 } }, { usage_daily: undefined }],
  ])('keeps the rest of the key for %s', (_, fields, expected) => {
    const key = parse(fields);
    expect(key.hash).toBe(HASH);
    for (const [field, value] of Object.entries(expected)) expect((key as Record<string, unknown>)[field]).toBe(value);
  });

  it('drops fields the spec does not describe', () => {
    expect(parse({ name: 'x', secret: 'sk-mg-v1-leak', nested: { a: 1 } })).toEqual({ hash: HASH, name: 'x' });
  });

  it.each<[string, unknown]>([
    ['no hash', { name: 'x' }],
    ['an empty hash', { hash: '' }],
    ['a hash that is a number', { hash: 42 }],
    ['a hash that is null', { hash: null }],
    ['not an object', 'key'],
    ['null', null],
  ])('refuses a key with %s: the card could not say which key it shows', (_, value) => {
    expect(apiKeySchema().safeParse(value).success).toBe(false);
  });
});

describe('keyResponseSchema', () => {
  it.each<[string, boolean, unknown]>([
    ['a data object', true, { data: { hash: HASH } }],
    ['a data object beside other fields', true, { data: { hash: HASH }, meta: {} }],
    ['no data', false, { hash: HASH }],
    ['data that is a list', false, { data: [{ hash: HASH }] }],
    ['data that is null', false, { data: null }],
    ['a bare list', false, [{ hash: HASH }]],
  ])('%s: accepted %s', (_, accepted, body) => {
    expect(keyResponseSchema().safeParse(body).success).toBe(accepted);
  });
});

describe('errorBodySchema', () => {
  it.each<[string, unknown, string | null]>([
    ['a message', { error: { code: 404, message: 'API key not found' } }, 'API key not found'],
    ['a message of 500 characters', { error: { message: 'x'.repeat(500) } }, 'x'.repeat(500)],
    ['a message over 500 characters', { error: { message: 'x'.repeat(501) } }, null],
    ['an empty message', { error: { message: '' } }, null],
    ['a message that is not a string', { error: { message: ['a'] } }, null],
    ['an error that is a string', { error: 'Not found' }, null],
    ['no error', { message: 'Not found' }, null],
  ])('reads %s', (_, body, message) => {
    const parsed = errorBodySchema().safeParse(body);
    expect(parsed.success ? parsed.data.error.message : null).toBe(message);
  });
});
