import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

/** Bytes of CSPRNG output in a secret: 256 bits, well above the guide's 120-bit floor. */
export const SECRET_BYTES = 32;
/** Bytes in a public id: 120 bits, enough that ids never collide. */
export const ID_BYTES = 15;

function randomString(bytes: number): string {
  return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** A random id (24 characters of lowercase base32), e.g. a session id. */
export function generateId(): string {
  return randomString(ID_BYTES);
}

/** A random secret (52 characters of lowercase base32, 32 bytes from the CSPRNG). */
export function generateSecret(): string {
  return randomString(SECRET_BYTES);
}

/** SHA-256 of a secret: what we store instead of the secret itself. */
export function hashSecret(secret: string): Uint8Array {
  return sha256(new TextEncoder().encode(secret));
}

/** Compares a presented secret with a stored hash in constant time. */
export function secretMatches(secret: string, storedHash: Uint8Array): boolean {
  const presented = hashSecret(secret);
  // Both are 32-byte digests; constantTimeEqual returns false early only on length.
  return constantTimeEqual(presented, new Uint8Array(storedHash));
}

/** Lowercase base32 as `generateId`/`generateSecret` produce it; rejects junk before any query. */
export const BASE32_LOWER = /^[a-z2-7]+$/;
