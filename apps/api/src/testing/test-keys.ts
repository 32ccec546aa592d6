import { createCipher } from '../crypto/cipher';
import type { EncryptionKey } from '../crypto/encryption-keys';

/** A fixed key for tests (never used outside them). */
export const TEST_KEY: EncryptionKey = { id: 'test-1', key: Buffer.alloc(32, 7) };

/** A cipher over `TEST_KEY`. */
export const testCipher = () => createCipher([TEST_KEY]);
