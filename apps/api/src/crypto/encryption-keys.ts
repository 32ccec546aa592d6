import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** One AES-256 key and the id stored next to everything it encrypts. */
export interface EncryptionKey {
  id: string;
  key: Buffer;
}

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const KEY_BYTES = 32;

/**
 * Parses `ENCRYPTION_KEYS`: comma-separated `id:base64key` entries, the first one current
 * (it encrypts), the others only decrypt data sealed before a rotation. Keys are 32 random
 * bytes in base64 or base64url (`openssl rand -base64 32`). Errors never contain key material.
 *
 * @example parseEncryptionKeys('k2:AAAA…=,k1:BBBB…=') // { ok: true, keys: [k2, k1] }
 */
export function parseEncryptionKeys(
  value: string,
): { ok: true; keys: EncryptionKey[] } | { ok: false; error: string } {
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return { ok: false, error: 'lists no keys' };
  const keys: EncryptionKey[] = [];
  for (const [index, entry] of entries.entries()) {
    const colon = entry.indexOf(':');
    const id = colon > 0 ? entry.slice(0, colon) : '';
    const where = `entry ${index + 1}`;
    if (!KEY_ID.test(id)) {
      return {
        ok: false,
        error: `${where} must look like "<id>:<base64 key>" (id: A-Z a-z 0-9 _ -)`,
      };
    }
    if (keys.some((key) => key.id === id)) {
      return { ok: false, error: `${where} repeats the key id "${id}"` };
    }
    const key = Buffer.from(entry.slice(colon + 1), 'base64');
    if (key.length !== KEY_BYTES) {
      return { ok: false, error: `key "${id}" must be ${KEY_BYTES} bytes of base64` };
    }
    keys.push({ id, key });
  }
  return { ok: true, keys };
}

/** Where the generated development key lives inside DATA_DIR. */
export const DEV_KEY_FILE = 'encryption-keys';

/**
 * The development key from `<dataDir>/encryption-keys`, generated on first use (mode 0600).
 * `created` tells the caller to warn: data sealed with it is only as safe as that file.
 */
export function loadOrCreateDevKeys(dataDir: string): {
  keys: EncryptionKey[];
  path: string;
  created: boolean;
} {
  const path = join(dataDir, DEV_KEY_FILE);
  if (existsSync(path)) {
    const parsed = parseEncryptionKeys(readFileSync(path, 'utf8'));
    if (!parsed.ok) throw new Error(`${path} is not a valid key file: ${parsed.error}`);
    return { keys: parsed.keys, path, created: false };
  }
  mkdirSync(dataDir, { recursive: true });
  const id = `dev-${randomBytes(3).toString('hex')}`;
  const line = `${id}:${randomBytes(KEY_BYTES).toString('base64')}\n`;
  writeFileSync(path, line, { mode: 0o600, flag: 'wx' });
  chmodSync(path, 0o600);
  return {
    keys: [{ id, key: Buffer.from(line.split(':')[1] ?? '', 'base64') }],
    path,
    created: true,
  };
}
