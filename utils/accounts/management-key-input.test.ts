import { describe, expect, it } from 'vitest';
import {
  checkManagementKey,
  MANAGEMENT_KEY_MESSAGES,
  MAX_MANAGEMENT_KEY_LENGTH,
  type ManagementKeyCheck,
} from './management-key-input';

const HASH = 'f01d5260c1b7a3e94c2f0d8b6a5e4c3b2a1908f7e6d5c4b3a29180f7e6d92ce9';
const ok = (key: string): ManagementKeyCheck => ({ ok: true, key });
const no = (reason: keyof typeof MANAGEMENT_KEY_MESSAGES): ManagementKeyCheck => ({
  ok: false,
  message: MANAGEMENT_KEY_MESSAGES[reason],
});

describe('checkManagementKey', () => {
  it.each<[string, string, ManagementKeyCheck]>([
    ['a key with the sk- prefix', `sk-mg-v1-${HASH}`, ok(`sk-mg-v1-${HASH}`)],
    ['a key pasted with a line break after it', `  sk-mg-v1-${HASH}\r\n`, ok(`sk-mg-v1-${HASH}`)],
    ['a key with symbols', 'mg_mgmt-AbC.123~+/=', ok('mg_mgmt-AbC.123~+/=')],
    ['one character', 'x', ok('x')],
    ['exactly the longest allowed', 'k'.repeat(MAX_MANAGEMENT_KEY_LENGTH), ok('k'.repeat(MAX_MANAGEMENT_KEY_LENGTH))],
    ['a hash with a prefix', `mg-${HASH}`, ok(`mg-${HASH}`)],
    ['an empty field', '', no('empty')],
    ['only spaces', ' \t\n ', no('empty')],
    ['one character too long', 'k'.repeat(MAX_MANAGEMENT_KEY_LENGTH + 1), no('tooLong')],
    ['Bearer and the key', 'Bearer sk-mg-v1-abc', no('whitespace')],
    ['a key split over two lines', 'sk-mg-v1-abc\ndef', no('whitespace')],
    ['a tab inside', 'sk-mg\tv1', no('whitespace')],
    ['a no-break space inside', 'sk-mg\u00a0v1', no('whitespace')],
    ['a line separator inside', 'sk-mg\u2028v1', no('whitespace')],
    ['a control character', 'sk-mg\u0000v1', no('notPrintable')],
    ['DEL', 'sk-mg\u007fv1', no('notPrintable')],
    ['an accented letter', 'sk-mgé', no('notPrintable')],
    ['a Cyrillic look-alike', 'sk-mg-v1-аbc', no('notPrintable')],
    ['a zero-width space', 'sk-mg\u200bv1', no('notPrintable')],
    ['an emoji', 'sk-🔑', no('notPrintable')],
    ['a key hash', HASH, no('keyHash')],
    ['a key hash in upper case, with spaces around', ` ${HASH.toUpperCase()} `, no('keyHash')],
  ])('%s', (_, text, expected) => {
    expect(checkManagementKey(text)).toEqual(expected);
  });

  it.each([
    ['whitespace', 'The management key must not contain spaces or line breaks.'],
    ['keyHash', 'This is a key hash, not a management key.'],
  ] as const)('words the %s refusal as agreed', (reason, message) => {
    expect(MANAGEMENT_KEY_MESSAGES[reason]).toBe(message);
  });
});
