// @vitest-environment node
import { describe, expect, it } from 'vitest';
import {
  aesKeyOf,
  fromBase64,
  isIntact,
  keyBytesFor,
  newVaultKey,
  openVault,
  PBKDF2_ITERATIONS,
  sealVault,
  toBase64,
  type VaultRecord,
} from './vault-crypto';
import { tampered, withChecksum } from '@/test/fixtures/vault';

const PASSPHRASE = 'plum kettle harbour violin 42';
const KEYS = { prod: 'sk-mg-mgmt-production-0123456789abcd', stage: 'sk-mg-mgmt-staging-0123456789wxyz' };

async function seal(passphrase = PASSPHRASE, iterations = 1000) {
  const fresh = await newVaultKey(passphrase, iterations);
  return sealVault(KEYS, await aesKeyOf(fresh.bytes), fresh);
}

async function open(record: VaultRecord, passphrase = PASSPHRASE) {
  return openVault(record, await aesKeyOf(await keyBytesFor(record, passphrase)));
}

describe('vault cryptography', () => {
  it('seals with PBKDF2-HMAC-SHA-256 at 600,000 iterations by default, a 16-byte salt and a 12-byte IV', async () => {
    const fresh = await newVaultKey(PASSPHRASE);
    const record = await sealVault(KEYS, await aesKeyOf(fresh.bytes), fresh);
    expect(record).toMatchObject({ version: 1, kdf: 'PBKDF2-HMAC-SHA-256', cipher: 'AES-256-GCM' });
    expect(record.iterations).toBe(PBKDF2_ITERATIONS);
    expect(PBKDF2_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    expect(fromBase64(record.salt)).toHaveLength(16);
    expect(fromBase64(record.iv)).toHaveLength(12);
    expect(fresh.bytes).toHaveLength(32);
    expect(await open(record)).toEqual({ ok: true, contents: KEYS });
  });

  it('keeps neither a key nor the passphrase readable in the record', async () => {
    const text = JSON.stringify(await seal());
    for (const secret of [...Object.values(KEYS), PASSPHRASE, 'abcd', 'wxyz']) expect(text).not.toContain(secret);
  });

  it('makes two vaults with the same passphrase differ in salt, IV and ciphertext', async () => {
    const [a, b] = await Promise.all([seal(), seal()]);
    expect(a.salt).not.toBe(b.salt);
    expect(a.iv).not.toBe(b.iv);
    expect(a.ciphertext).not.toBe(b.ciphertext);
  });

  it('uses a fresh IV for each sealing under the same key', async () => {
    const fresh = await newVaultKey(PASSPHRASE, 1000);
    const key = await aesKeyOf(fresh.bytes);
    const [a, b] = await Promise.all([sealVault(KEYS, key, fresh), sealVault(KEYS, key, fresh)]);
    expect(a.salt).toBe(b.salt);
    expect(a.iv).not.toBe(b.iv);
  });

  it('says "wrong passphrase" for another passphrase', async () => {
    expect(await open(await seal(), 'plum kettle harbour violin 43')).toEqual({
      ok: false,
      reason: 'wrong_passphrase',
    });
  });

  it.each(['salt', 'iv', 'ciphertext'] as const)('finds a changed %s damaged, by its checksum', async (field) => {
    const record = await seal();
    const changed = await tampered(record, field, false);
    expect(await isIntact(changed)).toBe(false);
    expect(await open(changed)).toEqual({ ok: false, reason: 'damaged' });
    // Nothing is lost: the untouched record still opens.
    expect(await open(record)).toEqual({ ok: true, contents: KEYS });
  });

  it.each(['salt', 'iv', 'ciphertext'] as const)(
    'fails to decrypt a changed %s even with a checksum made to match',
    async (field) => {
      const changed = await tampered(await seal(), field, true);
      expect(await isIntact(changed)).toBe(true);
      expect((await open(changed)).ok).toBe(false);
    },
  );

  it('binds the header: with the very key it was sealed with, a record whose iterations or salt changed does not decrypt', async () => {
    const fresh = await newVaultKey(PASSPHRASE, 1000);
    const key = await aesKeyOf(fresh.bytes);
    const record = await sealVault(KEYS, key, fresh);
    expect(await openVault(record, key)).toEqual({ ok: true, contents: KEYS });
    const lowered = await withChecksum({ ...record, iterations: 1 });
    const resalted = await withChecksum({ ...record, salt: toBase64(new Uint8Array(16)) });
    expect((await openVault(lowered, key)).ok).toBe(false);
    expect((await openVault(resalted, key)).ok).toBe(false);
  });
});
