export type ManagementKeyCheck = { ok: true; key: string } | { ok: false; message: string };

/** Longer than any real key: more is a paste of something else. */
export const MAX_MANAGEMENT_KEY_LENGTH = 512;

export const MANAGEMENT_KEY_MESSAGES = {
  empty: 'Enter the management key.',
  tooLong: `The management key is too long (over ${MAX_MANAGEMENT_KEY_LENGTH} characters).`,
  whitespace: 'The management key must not contain spaces or line breaks.',
  notPrintable: 'The management key may contain only letters, digits and ASCII symbols.',
  keyHash: 'This is a key hash, not a management key.',
} as const;

/**
 * Checks a management key typed in the options before it is stored. The key goes into an
 * Authorization header, where a line break or non-ASCII character would make fetch throw, so
 * those are refused here with words instead. A 64-hex value is a key hash pasted into the
 * wrong field.
 */
export function checkManagementKey(text: string): ManagementKeyCheck {
  const key = text.trim();
  if (key === '') return refuse('empty');
  if (key.length > MAX_MANAGEMENT_KEY_LENGTH) return refuse('tooLong');
  if (/\s/.test(key)) return refuse('whitespace');
  if (/[^\x21-\x7e]/.test(key)) return refuse('notPrintable');
  if (/^[0-9a-f]{64}$/i.test(key)) return refuse('keyHash');
  return { ok: true, key };
}

function refuse(reason: keyof typeof MANAGEMENT_KEY_MESSAGES): ManagementKeyCheck {
  return { ok: false, message: MANAGEMENT_KEY_MESSAGES[reason] };
}
