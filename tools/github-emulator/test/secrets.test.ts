import sodium from 'libsodium-wrappers';
import type { RequestError } from 'octokit';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { GitHubEmulator } from '../src/index';
import { control, octokitFor, startTestEmulator, tokenFor } from './helpers';

let github: GitHubEmulator;
beforeAll(async () => {
  await sodium.ready;
  github = await startTestEmulator();
});
afterAll(() => github.stop());
beforeEach(() => github.store.reset());

/** Exactly what GitHub's docs tell clients to do: a libsodium sealed box, base64. */
function seal(publicKey: string, value: string): string {
  const key = sodium.from_base64(publicKey, sodium.base64_variants.ORIGINAL);
  return sodium.to_base64(
    sodium.crypto_box_seal(sodium.from_string(value), key),
    sodium.base64_variants.ORIGINAL,
  );
}

describe('Actions secrets', () => {
  it('round-trips a sealed-box secret: 201 on create, 204 on update, names listed', async () => {
    const octokit = octokitFor(github.url, await tokenFor(github, 'octocat', ['repo']));
    await octokit.rest.repos.createForAuthenticatedUser({ name: 'bot', auto_init: true });
    const { data: key } = await octokit.rest.actions.getRepoPublicKey({
      owner: 'octocat',
      repo: 'bot',
    });
    expect(key.key_id).toMatch(/^\d{18}$/);
    expect(Buffer.from(key.key, 'base64')).toHaveLength(32);

    const created = await octokit.rest.actions.createOrUpdateRepoSecret({
      owner: 'octocat',
      repo: 'bot',
      secret_name: 'DISCORD_TOKEN',
      encrypted_value: seal(key.key, 'discord-secret-value'),
      key_id: key.key_id,
    });
    expect(created.status).toBe(201);
    expect(github.store.secret('octocat', 'bot', 'DISCORD_TOKEN')).toBe('discord-secret-value');

    const updated = await octokit.rest.actions.createOrUpdateRepoSecret({
      owner: 'octocat',
      repo: 'bot',
      secret_name: 'discord_token',
      encrypted_value: seal(key.key, 'rotated'),
      key_id: key.key_id,
    });
    expect(updated.status).toBe(204);

    const { data: list } = await octokit.rest.actions.listRepoSecrets({
      owner: 'octocat',
      repo: 'bot',
    });
    expect(list.total_count).toBe(1);
    expect(list.secrets[0]?.name).toBe('DISCORD_TOKEN');
    const { body } = await control<{ repos: { secrets: Record<string, string> }[] }>(
      github,
      'GET',
      '/_emulator/state',
    );
    expect(body.repos[0]?.secrets).toEqual({ DISCORD_TOKEN: 'rotated' });
  });

  it('answers 422 for a wrong key_id or a value that is not a sealed box for the key', async () => {
    const octokit = octokitFor(github.url, await tokenFor(github, 'octocat', ['repo']));
    await octokit.rest.repos.createForAuthenticatedUser({ name: 'bot', auto_init: true });
    const { data: key } = await octokit.rest.actions.getRepoPublicKey({
      owner: 'octocat',
      repo: 'bot',
    });
    const attempt = (encrypted_value: string, key_id: string) =>
      octokit.rest.actions
        .createOrUpdateRepoSecret({
          owner: 'octocat',
          repo: 'bot',
          secret_name: 'X',
          encrypted_value,
          key_id,
        })
        .then(
          () => 0,
          (error: RequestError) => error.status,
        );
    expect(await attempt(seal(key.key, 'v'), '123')).toBe(422);
    const stranger = sodium.crypto_box_keypair();
    const foreign = seal(
      sodium.to_base64(stranger.publicKey, sodium.base64_variants.ORIGINAL),
      'v',
    );
    expect(await attempt(foreign, key.key_id)).toBe(422);
    expect(await attempt('bm90IGEgYm94', key.key_id)).toBe(422);
    expect(github.store.secret('octocat', 'bot', 'X')).toBeUndefined();
  });
});
