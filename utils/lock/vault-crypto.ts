import { onFirstUse, z } from '../zod';

/**
 * The lock's cryptography, WebCrypto only: PBKDF2-HMAC-SHA-256 turns the passphrase and a random
 * 16-byte salt into a 256-bit key; AES-256-GCM seals the management keys under it with a fresh
 * random 96-bit IV each time. The record's header (version, KDF, iterations, salt) is the GCM
 * additional data, so a changed header fails to decrypt like a changed ciphertext. A SHA-256
 * checksum of the whole record tells a damaged record from a wrong passphrase. Nothing here
 * stores anything: the worker keeps the record (utils/lock/background/vault.ts).
 */

/** OWASP's 2023 figure for PBKDF2-HMAC-SHA-256. A later release may raise it: a record made with
 * fewer is sealed again with this many on its next unlock. */
export const PBKDF2_ITERATIONS = 600_000;
export const VAULT_VERSION = 1;
const SALT_BYTES = 16;
const IV_BYTES = 12;

/** The stored record: everything needed to decrypt it but the passphrase. */
export const vaultRecordSchema = onFirstUse(() => {
  const base64 = z.string().check(z.maxLength(1_000_000), z.regex(/^[A-Za-z0-9+/]*={0,2}$/));
  return z.strictObject({
    version: z.literal(VAULT_VERSION),
    kdf: z.literal('PBKDF2-HMAC-SHA-256'),
    iterations: z.number().check(z.int(), z.minimum(1), z.maximum(100_000_000)),
    /** base64 of 16 random bytes. */
    salt: base64,
    cipher: z.literal('AES-256-GCM'),
    /** base64 of 12 random bytes, new for each encryption. */
    iv: base64,
    /** base64 of the GCM output (ciphertext and tag). */
    ciphertext: base64,
    /** base64 SHA-256 of the fields above: a damaged record is said to be damaged, not a wrong passphrase. */
    checksum: base64,
  });
});
export type VaultRecord = z.infer<ReturnType<typeof vaultRecordSchema>>;

/** What the vault holds: the management key of each account, by account id. */
export type VaultContents = Record<string, string>;

export type OpenFailure = 'wrong_passphrase' | 'damaged';
export type Opened = { ok: true; contents: VaultContents } | { ok: false; reason: OpenFailure };

export function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (const byte of bytes) text += String.fromCharCode(byte);
  return btoa(text);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** UTF-8 bytes of `text`. An encoder is made on use: a worker that never seals or opens the vault makes none. */
const utf8 = (text: string) => new TextEncoder().encode(text);

/** The 256 bits PBKDF2 derives from a passphrase and salt: the AES key, as raw bytes. */
export async function deriveKeyBytes(
  passphrase: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<Uint8Array<ArrayBuffer>> {
  const material = await crypto.subtle.importKey('raw', utf8(passphrase.normalize('NFC')), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, 256);
  return new Uint8Array(bits);
}

/** The AES-GCM key for derived bytes; not extractable. */
export function aesKeyOf(bytes: Uint8Array<ArrayBuffer>): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', bytes, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

/** A fresh salt and the key derived from it: for a new vault, a new passphrase, more iterations. */
export async function newVaultKey(passphrase: string, iterations = PBKDF2_ITERATIONS) {
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const bytes = await deriveKeyBytes(passphrase, salt, iterations);
  return { salt: toBase64(salt), iterations, bytes };
}

/** The key a record was sealed with, derived again from the passphrase. */
export function keyBytesFor(record: Pick<VaultRecord, 'salt' | 'iterations'>, passphrase: string) {
  return deriveKeyBytes(passphrase, fromBase64(record.salt), record.iterations);
}

const headerOf = (r: Pick<VaultRecord, 'version' | 'kdf' | 'iterations' | 'salt' | 'cipher'>) =>
  utf8(`${r.version}|${r.kdf}|${r.iterations}|${r.salt}|${r.cipher}`);

async function checksumOf(r: Omit<VaultRecord, 'checksum'>): Promise<string> {
  const fields = `${r.version}|${r.kdf}|${r.iterations}|${r.salt}|${r.cipher}|${r.iv}|${r.ciphertext}`;
  return toBase64(new Uint8Array(await crypto.subtle.digest('SHA-256', utf8(fields))));
}

/** Seals the contents under `key` (derived with this salt and iterations), with a fresh IV. */
export async function sealVault(
  contents: VaultContents,
  key: CryptoKey,
  params: { salt: string; iterations: number },
): Promise<VaultRecord> {
  const header = {
    version: VAULT_VERSION,
    kdf: 'PBKDF2-HMAC-SHA-256',
    iterations: params.iterations,
    salt: params.salt,
    cipher: 'AES-256-GCM',
  } as const;
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const plaintext = utf8(JSON.stringify({ keys: contents }));
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: headerOf(header) }, key, plaintext);
  const record = { ...header, iv: toBase64(iv), ciphertext: toBase64(new Uint8Array(sealed)) };
  return { ...record, checksum: await checksumOf(record) };
}

/**
 * Decrypts a record with `key`. A record whose checksum does not match was changed or damaged
 * outside the extension; one that matches but does not decrypt was sealed with another passphrase.
 * Either way the record itself is left as it is.
 */
export async function openVault(record: VaultRecord, key: CryptoKey): Promise<Opened> {
  if (!(await isIntact(record))) return { ok: false, reason: 'damaged' };
  try {
    const iv = fromBase64(record.iv);
    const data = fromBase64(record.ciphertext);
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: headerOf(record) }, key, data);
    const parsed = contentsSchema().safeParse(JSON.parse(new TextDecoder().decode(plain)));
    return parsed.success ? { ok: true, contents: parsed.data.keys } : { ok: false, reason: 'damaged' };
  } catch {
    // GCM's tag did not match: the key (so the passphrase) is not the one it was sealed with.
    return { ok: false, reason: 'wrong_passphrase' };
  }
}

/** Whether the record's checksum matches its fields (a cheap check before any key is derived). */
export async function isIntact(record: VaultRecord): Promise<boolean> {
  const { checksum, ...fields } = record;
  return checksum === (await checksumOf(fields));
}

const contentsSchema = onFirstUse(() => z.object({ keys: z.record(z.string(), z.string()) }));
