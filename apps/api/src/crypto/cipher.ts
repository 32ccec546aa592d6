import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { EncryptionKey } from './encryption-keys';

/** Ciphertext and the id of the key that sealed it; store both. */
export interface Sealed {
  keyId: string;
  /** `nonce (12 bytes) ‖ ciphertext ‖ GCM tag (16 bytes)`. */
  ciphertext: Uint8Array;
}

/** Encrypts with the current key and decrypts with any key still configured. */
export interface Cipher {
  readonly currentKeyId: string;
  /** Ids of keys that only decrypt (kept for data sealed before a rotation). */
  readonly previousKeyIds: readonly string[];
  /**
   * Seals `plaintext`. `context` is authenticated but not stored (for example
   * `oauth_token:<userId>`), so a ciphertext copied to another row no longer decrypts.
   */
  encrypt(plaintext: string, context: string): Sealed;
  /** @throws {DecryptionError} for an unknown key id, a wrong context or tampered bytes. */
  decrypt(sealed: Sealed, context: string): string;
}

/** The ciphertext cannot be opened; the message never contains key or plaintext material. */
export class DecryptionError extends Error {
  override readonly name = 'DecryptionError';
}

const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/**
 * AES-256-GCM with a random 96-bit nonce per message (NIST SP 800-38D §8.2.2; safe for far
 * more messages than we will ever seal under one key). The first key encrypts.
 *
 * @example
 * const cipher = createCipher(keys);
 * const sealed = cipher.encrypt(accessToken, `oauth_token:${userId}`);
 * cipher.decrypt(sealed, `oauth_token:${userId}`) === accessToken;
 */
export function createCipher(keys: readonly EncryptionKey[]): Cipher {
  const [current] = keys;
  if (!current) throw new Error('createCipher needs at least one key');
  const byId = new Map(keys.map((key) => [key.id, key.key]));
  return {
    currentKeyId: current.id,
    previousKeyIds: keys.slice(1).map((key) => key.id),
    encrypt(plaintext, context) {
      const nonce = randomBytes(NONCE_BYTES);
      const cipher = createCipheriv('aes-256-gcm', current.key, nonce, {
        authTagLength: TAG_BYTES,
      });
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      return {
        keyId: current.id,
        ciphertext: new Uint8Array(Buffer.concat([nonce, body, cipher.getAuthTag()])),
      };
    },
    decrypt(sealed, context) {
      const key = byId.get(sealed.keyId);
      if (!key) throw new DecryptionError(`no encryption key "${sealed.keyId}" is configured`);
      const bytes = Buffer.from(sealed.ciphertext);
      if (bytes.length < NONCE_BYTES + TAG_BYTES) throw new DecryptionError('ciphertext too short');
      const nonce = bytes.subarray(0, NONCE_BYTES);
      const tag = bytes.subarray(bytes.length - TAG_BYTES);
      const body = bytes.subarray(NONCE_BYTES, bytes.length - TAG_BYTES);
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
        decipher.setAAD(Buffer.from(context, 'utf8'));
        decipher.setAuthTag(tag);
        return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
      } catch (cause) {
        throw new DecryptionError('ciphertext failed authentication', { cause });
      }
    },
  };
}
