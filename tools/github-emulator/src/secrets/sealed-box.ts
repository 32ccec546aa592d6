import { randomInt } from 'node:crypto';
import sodium from 'libsodium-wrappers';

/** A repository's Actions secrets key pair; GitHub publishes only `keyId` and `publicKey`. */
export interface SealedBoxKeyPair {
  /** Numeric string like GitHub's (e.g. `568250167242549743`). */
  keyId: string;
  /** Base64 (standard alphabet) Curve25519 public key. */
  publicKey: string;
  privateKey: Uint8Array;
}

/** libsodium loads WebAssembly asynchronously; await this once before using the helpers. */
export const sodiumReady: Promise<void> = sodium.ready;

/** A fresh Curve25519 key pair for `crypto_box_seal`, as GitHub keeps one per repository. */
export function generateSealedBoxKeyPair(): SealedBoxKeyPair {
  const pair = sodium.crypto_box_keypair();
  const keyId = `${randomInt(100_000_000, 999_999_999)}${randomInt(100_000_000, 999_999_999)}`;
  return {
    keyId,
    publicKey: sodium.to_base64(pair.publicKey, sodium.base64_variants.ORIGINAL),
    privateKey: pair.privateKey,
  };
}

/**
 * Opens a base64 sealed box (what GitHub's docs tell clients to send as `encrypted_value`);
 * returns null when it is not valid base64 or was not sealed for this key.
 */
export function openSealedBox(pair: SealedBoxKeyPair, encryptedBase64: string): string | null {
  try {
    const cipher = sodium.from_base64(encryptedBase64, sodium.base64_variants.ORIGINAL);
    const publicKey = sodium.from_base64(pair.publicKey, sodium.base64_variants.ORIGINAL);
    const plain = sodium.crypto_box_seal_open(cipher, publicKey, pair.privateKey);
    return Buffer.from(plain).toString('utf8');
  } catch {
    return null;
  }
}

/** Seals `value` for a base64 public key, exactly as GitHub's docs show for clients. */
export function sealForPublicKey(publicKeyBase64: string, value: string): string {
  const publicKey = sodium.from_base64(publicKeyBase64, sodium.base64_variants.ORIGINAL);
  const sealed = sodium.crypto_box_seal(sodium.from_string(value), publicKey);
  return sodium.to_base64(sealed, sodium.base64_variants.ORIGINAL);
}
