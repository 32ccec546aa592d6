import sodium from 'libsodium-wrappers';
import { beforeAll, describe, expect, test } from 'vitest';
import { sealSecrets } from './seal-secrets';

beforeAll(async () => {
  await sodium.ready;
});

describe('sealSecrets', () => {
  test('seals each value so that only the holder of the private key can open it', async () => {
    const keys = sodium.crypto_box_keypair();
    const publicKey = sodium.to_base64(keys.publicKey, sodium.base64_variants.ORIGINAL);
    const sealed = await sealSecrets(publicKey, [
      { name: 'DISCORD_TOKEN', value: 'tøken with ünïcode' },
      { name: 'EMPTYISH', value: ' ' },
    ]);
    expect(sealed.map((secret) => secret.name)).toEqual(['DISCORD_TOKEN', 'EMPTYISH']);
    const opened = sealed.map((secret) =>
      sodium.to_string(
        sodium.crypto_box_seal_open(
          sodium.from_base64(secret.encryptedValue, sodium.base64_variants.ORIGINAL),
          keys.publicKey,
          keys.privateKey,
        ),
      ),
    );
    expect(opened).toEqual(['tøken with ünïcode', ' ']);
  });

  test('emits standard padded base64, as GitHub expects', async () => {
    const keys = sodium.crypto_box_keypair();
    const publicKey = sodium.to_base64(keys.publicKey, sodium.base64_variants.ORIGINAL);
    // 1 + 48 bytes of overhead = 49 bytes: not a multiple of 3, so padding must appear.
    const [secret] = await sealSecrets(publicKey, [{ name: 'A', value: 'x' }]);
    expect(secret?.encryptedValue).toMatch(/^[A-Za-z0-9+/]+={1,2}$/);
    expect(Buffer.from(secret?.encryptedValue ?? '', 'base64')).toHaveLength(49);
  });

  test('a different key cannot open it', async () => {
    const keys = sodium.crypto_box_keypair();
    const other = sodium.crypto_box_keypair();
    const [secret] = await sealSecrets(
      sodium.to_base64(keys.publicKey, sodium.base64_variants.ORIGINAL),
      [{ name: 'A', value: 'secret' }],
    );
    expect(() =>
      sodium.crypto_box_seal_open(
        sodium.from_base64(secret?.encryptedValue ?? '', sodium.base64_variants.ORIGINAL),
        other.publicKey,
        other.privateKey,
      ),
    ).toThrow();
  });

  test('rejects a key that is not 32 bytes', async () => {
    await expect(sealSecrets(Buffer.from('short').toString('base64'), [])).rejects.toThrow(
      /32-byte/,
    );
  });
});
