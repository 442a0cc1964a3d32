import { describe, expect, it } from 'vitest';
import { BASE_URL_MESSAGES, checkBaseUrl, isDefaultOrigin, originPattern, type BaseUrlCheck } from './base-url';

const ok = (baseUrl: string): BaseUrlCheck => ({ ok: true, baseUrl });
const no = (reason: keyof typeof BASE_URL_MESSAGES): BaseUrlCheck => ({
  ok: false,
  message: BASE_URL_MESSAGES[reason],
});

describe('checkBaseUrl', () => {
  it.each<[string, BaseUrlCheck]>([
    ['https://modelgates.ai/api/v1', ok('https://modelgates.ai/api/v1')],
    ['  https://modelgates.ai/api/v1/ \n', ok('https://modelgates.ai/api/v1')],
    ['https://modelgates.ai/api/v1///', ok('https://modelgates.ai/api/v1')],
    ['https://ModelGates.AI:443/api/v1', ok('https://modelgates.ai/api/v1')],
    ['HTTPS://modelgates.ai/api/v1', ok('https://modelgates.ai/api/v1')],
    ['https://proxy.example:8443/mg/api/v1', ok('https://proxy.example:8443/mg/api/v1')],
    ['https://modelgates.ai', ok('https://modelgates.ai')],
    ['https://modelgates.ai/', ok('https://modelgates.ai')],
    ['https://x.example/a/../api/./v1', ok('https://x.example/api/v1')],
    ['https://x.example/%2e%2e/api', ok('https://x.example/api')],
    ['https://bücher.example/api', ok('https://xn--bcher-kva.example/api')],
    ['http://localhost:8787/api/v1', ok('http://localhost:8787/api/v1')],
    ['http://LOCALHOST/api/v1/', ok('http://localhost/api/v1')],
    ['http://127.0.0.1:4010', ok('http://127.0.0.1:4010')],
    ['', no('empty')],
    ['   \n', no('empty')],
    ['modelgates.ai/api/v1', no('notAbsolute')],
    ['/api/v1', no('notAbsolute')],
    ['https://', no('notAbsolute')],
    ['https://127.0.0.1:99999/', no('notAbsolute')],
    ['http://modelgates.ai/api/v1', no('httpNotLocal')],
    ['http://localhost.evil.example/', no('httpNotLocal')],
    ['http://127.0.0.2/', no('httpNotLocal')],
    ['http://[::1]/', no('httpNotLocal')],
    ['ftp://modelgates.ai/api/v1', no('notHttps')],
    ['javascript:alert(1)', no('notHttps')],
    ['data:text/plain,hi', no('notHttps')],
    ['localhost:8787', no('notHttps')],
    ['chrome-extension://abc/options.html', no('notHttps')],
    ['https://user:pass@modelgates.ai/api/v1', no('credentials')],
    ['https://user@modelgates.ai/api/v1', no('credentials')],
    ['https://:pass@modelgates.ai/api/v1', no('credentials')],
    ['https://modelgates.ai/api/v1?key=1', no('query')],
    ['https://modelgates.ai/api/v1?', no('query')],
    ['https://modelgates.ai/api/v1?#', no('query')],
    ['https://modelgates.ai/api/v1#top', no('fragment')],
    ['https://modelgates.ai/api/v1#', no('fragment')],
    ['https://modelgates.ai/api/v1#a?b', no('fragment')],
  ])('checkBaseUrl(%j)', (text, expected) => {
    expect(checkBaseUrl(text)).toEqual(expected);
  });

  it.each([
    ['empty', 'Enter the API base URL, e.g. https://modelgates.ai/api/v1'],
    ['credentials', 'The API base URL must not contain a user name or password.'],
  ] as const)('words the %s refusal plainly', (reason, message) => {
    expect(BASE_URL_MESSAGES[reason]).toBe(message);
  });
});

describe('originPattern', () => {
  it.each<[string, string]>([
    ['https://modelgates.ai/api/v1', 'https://modelgates.ai/*'],
    ['https://proxy.example:8443/mg', 'https://proxy.example/*'],
    ['http://127.0.0.1:4010', 'http://127.0.0.1/*'],
    ['http://localhost:8787/api/v1', 'http://localhost/*'],
  ])('originPattern(%s) is %s', (baseUrl, expected) => {
    expect(originPattern(baseUrl)).toBe(expected);
  });
});

describe('isDefaultOrigin', () => {
  it.each<[string, boolean]>([
    ['https://modelgates.ai/api/v1', true],
    ['https://modelgates.ai/api/v2', true],
    ['https://modelgates.ai', true],
    ['https://modelgates.ai:443/api/v1', true],
    ['https://modelgates.ai:8443/api/v1', false],
    ['http://modelgates.ai/api/v1', false],
    ['https://eu.modelgates.ai/api/v1', false],
    ['https://modelgates.ai.evil.example/api/v1', false],
    ['not a url', false],
  ])('isDefaultOrigin(%s) is %s', (baseUrl, expected) => {
    expect(isDefaultOrigin(baseUrl)).toBe(expected);
  });
});
