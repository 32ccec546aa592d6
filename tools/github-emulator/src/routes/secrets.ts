import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { acceptScopes, writableRepo } from '../auth';
import type { EmulatorContext } from '../context';
import { GitHubError, notFound } from '../errors';
import { paginate } from '../http/paginate';
import { parseBody } from '../http/validate';
import { openSealedBox } from '../secrets/sealed-box';

type Params = { owner: string; repo: string; name: string };

const putSchema = z.object({
  encrypted_value: z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, 'is not base64'),
  key_id: z.string(),
});

const DOCS = 'https://docs.github.com/rest/actions/secrets';

// GitHub's naming rules for secrets; names are case-insensitive and stored upper-case.
function secretName(raw: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(raw)) {
    throw new GitHubError(
      422,
      'Secret names can only contain alphanumeric characters ([a-z], [A-Z], [0-9]) or underscores (_). Spaces are not allowed. Must start with a letter ([a-z], [A-Z]) or underscores (_).',
      { documentationUrl: DOCS },
    );
  }
  if (/^GITHUB_/i.test(raw)) {
    throw new GitHubError(422, 'Secret names must not start with GITHUB_.', {
      documentationUrl: DOCS,
    });
  }
  return raw.toUpperCase();
}

/** Repository Actions secrets: public key, create/update (sealed box), list, get, delete. */
export function registerSecretRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  const access = (request: FastifyRequest, reply: FastifyReply) => {
    const { owner, repo } = request.params as Params;
    acceptScopes(reply, ['repo']);
    // Classic tokens need the `repo` scope even for public repositories.
    return writableRepo(ctx.store.state, request, owner, repo, { scopes: ['repo'] }).repo;
  };

  app.get('/repos/:owner/:repo/actions/secrets/public-key', async (request, reply) => {
    const repo = access(request, reply);
    return { key_id: repo.secretsKey.keyId, key: repo.secretsKey.publicKey };
  });

  app.put('/repos/:owner/:repo/actions/secrets/:name', async (request, reply) => {
    const repo = access(request, reply);
    const name = secretName((request.params as Params).name);
    const input = parseBody(putSchema, request.body);
    if (input.key_id !== repo.secretsKey.keyId) {
      throw new GitHubError(422, 'Bad request - key_id does not match the repository public key.', {
        documentationUrl: DOCS,
      });
    }
    const value = openSealedBox(repo.secretsKey, input.encrypted_value);
    if (value === null) {
      throw new GitHubError(
        422,
        'Bad request - encrypted_value is not a valid sealed box for this key.',
        {
          documentationUrl: DOCS,
        },
      );
    }
    const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
    const existing = repo.secrets.get(name);
    repo.secrets.set(name, { name, value, createdAt: existing?.createdAt ?? now, updatedAt: now });
    // 201 with an empty object when created, 204 when an existing secret was updated.
    return existing ? reply.code(204).send() : reply.code(201).send({});
  });

  app.get('/repos/:owner/:repo/actions/secrets', async (request, reply) => {
    const repo = access(request, reply);
    const secrets = [...repo.secrets.values()]
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((s) => ({ name: s.name, created_at: s.createdAt, updated_at: s.updatedAt }));
    return { total_count: secrets.length, secrets: paginate(request, reply, secrets) };
  });

  app.get('/repos/:owner/:repo/actions/secrets/:name', async (request, reply) => {
    const repo = access(request, reply);
    const secret = repo.secrets.get((request.params as Params).name.toUpperCase());
    if (!secret) throw notFound(DOCS);
    return { name: secret.name, created_at: secret.createdAt, updated_at: secret.updatedAt };
  });

  app.delete('/repos/:owner/:repo/actions/secrets/:name', async (request, reply) => {
    const repo = access(request, reply);
    if (!repo.secrets.delete((request.params as Params).name.toUpperCase())) throw notFound(DOCS);
    return reply.code(204).send();
  });
}
