import { randomBytes } from 'node:crypto';
import type { Project } from '@botsmith/db';
import type { Cipher, Sealed } from '../crypto/cipher';

/**
 * Binds a sealed webhook secret to its project (authenticated, not stored): copied into
 * another project's row it no longer decrypts.
 */
export function webhookSecretContext(projectId: string): string {
  return `webhook_secret:${projectId}`;
}

/** A new per-project webhook secret: 32 random bytes as hex. */
export function generateWebhookSecret(): string {
  return randomBytes(32).toString('hex');
}

/** Seals a project's webhook secret for `projects.webhookSecretCiphertext` / `…KeyId`. */
export function sealWebhookSecret(cipher: Cipher, projectId: string, secret: string): Sealed {
  return cipher.encrypt(secret, webhookSecretContext(projectId));
}

/**
 * The project's webhook secret in clear, or `null` when it has none.
 *
 * @throws {DecryptionError} when its key is no longer configured or the row was tampered with.
 */
export function openWebhookSecret(
  cipher: Cipher,
  project: Pick<Project, 'id' | 'webhookSecretCiphertext' | 'webhookSecretKeyId'>,
): string | null {
  if (!project.webhookSecretCiphertext || !project.webhookSecretKeyId) return null;
  return cipher.decrypt(
    { keyId: project.webhookSecretKeyId, ciphertext: project.webhookSecretCiphertext },
    webhookSecretContext(project.id),
  );
}
