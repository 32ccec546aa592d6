/**
 * Seals Actions secret values for GitHub in the browser: a libsodium sealed box with the
 * public key of the secrets' home (the `production` environment), both in GitHub's standard
 * base64 (`ORIGINAL`, with padding). The server only ever receives the ciphertext. libsodium
 * (WebAssembly) is imported lazily so it loads only on the pages that seal: step 8 and the
 * project's secrets page.
 */
export interface SecretToSeal {
  name: string;
  value: string;
}

export interface SealedSecret {
  name: string;
  encryptedValue: string;
}

export async function sealSecrets(
  publicKeyBase64: string,
  secrets: readonly SecretToSeal[],
): Promise<SealedSecret[]> {
  const { default: sodium } = await import('libsodium-wrappers');
  await sodium.ready;
  const variant = sodium.base64_variants.ORIGINAL;
  const publicKey = sodium.from_base64(publicKeyBase64, variant);
  if (publicKey.length !== sodium.crypto_box_PUBLICKEYBYTES) {
    throw new Error('The public key GitHub gave is not a 32-byte key.');
  }
  return secrets.map(({ name, value }) => ({
    name,
    encryptedValue: sodium.to_base64(
      sodium.crypto_box_seal(sodium.from_string(value), publicKey),
      variant,
    ),
  }));
}
