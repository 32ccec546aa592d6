import { describe, expect, test } from 'vitest';
import { createCipher, DecryptionError } from './cipher';

const OLD = { id: 'old', key: Buffer.alloc(32, 1) };
const NEW = { id: 'new', key: Buffer.alloc(32, 2) };

describe('AES-256-GCM cipher', () => {
  test('round-trips and records the key id; each message gets a fresh 96-bit nonce', () => {
    const cipher = createCipher([NEW]);
    const a = cipher.encrypt('gho_secret', 'oauth_token:u1');
    const b = cipher.encrypt('gho_secret', 'oauth_token:u1');
    expect(a.keyId).toBe('new');
    expect(a.ciphertext).toHaveLength(12 + 'gho_secret'.length + 16);
    expect(Buffer.from(a.ciphertext.subarray(0, 12))).not.toEqual(
      Buffer.from(b.ciphertext.subarray(0, 12)),
    );
    expect(Buffer.from(a.ciphertext).toString('latin1')).not.toContain('gho_secret');
    expect(cipher.decrypt(a, 'oauth_token:u1')).toBe('gho_secret');
  });

  test('tampering, another row’s context or an unknown key fail loudly', () => {
    const cipher = createCipher([NEW]);
    const sealed = cipher.encrypt('gho_secret', 'oauth_token:u1');
    const flipped = new Uint8Array(sealed.ciphertext);
    flipped[14] = (flipped[14] ?? 0) ^ 1;
    expect(() => cipher.decrypt({ ...sealed, ciphertext: flipped }, 'oauth_token:u1')).toThrow(
      DecryptionError,
    );
    expect(() => cipher.decrypt(sealed, 'oauth_token:u2')).toThrow(DecryptionError);
    expect(() => cipher.decrypt({ ...sealed, keyId: 'gone' }, 'oauth_token:u1')).toThrow(
      /no encryption key "gone"/,
    );
    expect(() => cipher.decrypt({ ...sealed, ciphertext: new Uint8Array(8) }, 'x')).toThrow(
      DecryptionError,
    );
  });

  test('rotation: old keys still decrypt, only the first key encrypts', () => {
    const before = createCipher([OLD]).encrypt('gho_old', 'c');
    const rotated = createCipher([NEW, OLD]);
    expect(rotated.currentKeyId).toBe('new');
    expect(rotated.previousKeyIds).toEqual(['old']);
    expect(rotated.decrypt(before, 'c')).toBe('gho_old');
    expect(rotated.encrypt('gho_new', 'c').keyId).toBe('new');
  });
});
