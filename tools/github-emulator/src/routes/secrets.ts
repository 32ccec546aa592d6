import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { EmulatorContext } from '../context';
import { GitHubError, notFound } from '../errors';
import { paginate } from '../http/paginate';
import { parseBody } from '../http/validate';
import { openSealedBox } from '../secrets/sealed-box';
import { actionsName, githubNow, type ScopeParams, secretScopeOf } from './secret-scope';

const putSchema = z.object({
  encrypted_value: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'is not base64'),
  key_id: z.string(),
});

const DOCS = 'https://docs.github.com/rest/actions/secrets';

/**
 * Actions secrets of a repository (`/repos/:o/:r/actions/secrets`) and of an environment
 * (`/repos/:o/:r/environments/:env/secrets`): public key, create/update (sealed box), list,
 * get, delete. Each scope has its own key pair; only the ciphertext is stored.
 */
export function registerSecretRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  for (const base of [
    '/repos/:owner/:repo/actions/secrets',
    '/repos/:owner/:repo/environments/:env/secrets',
  ]) {
    app.get(`${base}/public-key`, async (request, reply) => {
      const { scope } = secretScopeOf(ctx, request, reply);
      return { key_id: scope.secretsKey.keyId, key: scope.secretsKey.publicKey };
    });

    app.put(`${base}/:name`, async (request, reply) => {
      const { scope } = secretScopeOf(ctx, request, reply);
      const name = actionsName((request.params as ScopeParams).name ?? '', 'Secret', DOCS);
      const input = parseBody(putSchema, request.body);
      if (input.key_id !== scope.secretsKey.keyId) {
        throw new GitHubError(422, 'Bad request - key_id does not match the public key.', {
          documentationUrl: DOCS,
        });
      }
      // GitHub cannot read the value either; it only refuses what its key cannot open.
      if (openSealedBox(scope.secretsKey, input.encrypted_value) === null) {
        throw new GitHubError(
          422,
          'Bad request - encrypted_value is not a valid sealed box for this key.',
          { documentationUrl: DOCS },
        );
      }
      const now = githubNow();
      const existing = scope.secrets.get(name);
      scope.secrets.set(name, {
        name,
        encryptedValue: input.encrypted_value,
        createdAt: existing?.createdAt ?? now,
        updatedAt: now,
      });
      // 201 with an empty object when created, 204 when an existing secret was updated.
      return existing ? reply.code(204).send() : reply.code(201).send({});
    });

    app.get(base, async (request, reply) => {
      const { scope } = secretScopeOf(ctx, request, reply);
      const secrets = [...scope.secrets.values()]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((s) => ({ name: s.name, created_at: s.createdAt, updated_at: s.updatedAt }));
      return { total_count: secrets.length, secrets: paginate(request, reply, secrets) };
    });

    app.get(`${base}/:name`, async (request, reply) => {
      const { scope } = secretScopeOf(ctx, request, reply);
      const secret = scope.secrets.get(((request.params as ScopeParams).name ?? '').toUpperCase());
      if (!secret) throw notFound(DOCS);
      return { name: secret.name, created_at: secret.createdAt, updated_at: secret.updatedAt };
    });

    app.delete(`${base}/:name`, async (request, reply) => {
      const { scope } = secretScopeOf(ctx, request, reply);
      const name = ((request.params as ScopeParams).name ?? '').toUpperCase();
      if (!scope.secrets.delete(name)) throw notFound(DOCS);
      return reply.code(204).send();
    });
  }
}
