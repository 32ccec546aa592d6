import { randomUUID } from 'node:crypto';
import { type Db, type Project, type User, upsertGitHubUser } from '@botsmith/db';
import examples from '@octokit/webhooks-examples';
import { sign } from '@octokit/webhooks-methods';
import type { Cipher } from '../crypto/cipher';
import { generateWebhookSecret, sealWebhookSecret } from '../webhooks/webhook-secret';

/** A signed-up user for a test. */
export function testUser(db: Db, githubId: number, login: string): Promise<User> {
  return upsertGitHubUser(db, { githubId, login, name: null, avatarUrl: null, email: null });
}

/** A project set up on GitHub: repo, hook id and its sealed secret, as setup leaves it. */
export async function connectedProject(
  db: Db,
  cipher: Cipher,
  owner: User,
  options: { name: string; repoFullName: string; webhookId: number | null; repoId?: number },
): Promise<{ project: Project; secret: string }> {
  const created = await db
    .insertInto('projects')
    .values({
      ownerId: owner.id,
      name: options.name,
      config: JSON.stringify({}),
      configSchemaVersion: 1,
      status: 'active',
      repoFullName: options.repoFullName,
      repoId: options.repoId ?? null,
      defaultBranch: 'main',
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const secret = generateWebhookSecret();
  const sealed = sealWebhookSecret(cipher, created.id, secret);
  const project = await db
    .updateTable('projects')
    .set({
      webhookId: options.webhookId,
      webhookSecretCiphertext: sealed.ciphertext,
      webhookSecretKeyId: sealed.keyId,
    })
    .where('id', '=', created.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  return { project, secret };
}

type Example = Record<string, unknown>;

/**
 * A real payload from `@octokit/webhooks-examples` (the first of `event` matching `pick`),
 * deep-copied, with every repository in it rewritten to `repoFullName`.
 */
export function examplePayload(
  event: string,
  repoFullName: string,
  pick: (example: Example) => boolean = () => true,
): Example {
  const definition = (examples as unknown as { name: string; examples: Example[] }[]).find(
    (d) => d.name === event,
  );
  const found = definition?.examples.find(pick);
  if (!found) throw new Error(`no ${event} example matches`);
  const copy = structuredClone(found);
  const [owner, name] = repoFullName.split('/') as [string, string];
  const rewrite = (repo: unknown) => {
    if (!repo || typeof repo !== 'object') return;
    const r = repo as Record<string, unknown>;
    r.full_name = repoFullName;
    r.name = name;
    if (r.owner && typeof r.owner === 'object') (r.owner as Record<string, unknown>).login = owner;
  };
  rewrite(copy.repository);
  for (const nested of ['workflow_run', 'deployment_status', 'deployment']) {
    const value = copy[nested] as Record<string, unknown> | undefined;
    rewrite(value?.repository);
    rewrite(value?.head_repository);
  }
  return copy;
}

/**
 * The headers and body GitHub would send for `payload` (or exactly the JSON text given as a
 * string), signed with `secret`.
 */
export async function signedDelivery(options: {
  event: string;
  payload: Example | string;
  secret: string;
  hookId: number | string;
  deliveryId?: string;
  /** The repository's id, sent as GitHub does in `X-GitHub-Hook-Installation-Target-ID`. */
  repoId?: number;
}): Promise<{ headers: Record<string, string>; body: string }> {
  const body =
    typeof options.payload === 'string' ? options.payload : JSON.stringify(options.payload);
  return {
    body,
    headers: {
      'content-type': 'application/json',
      'user-agent': 'GitHub-Hookshot/test',
      'x-github-event': options.event,
      'x-github-delivery': options.deliveryId ?? randomUUID(),
      'x-github-hook-id': String(options.hookId),
      ...(options.repoId === undefined
        ? {}
        : {
            'x-github-hook-installation-target-type': 'repository',
            'x-github-hook-installation-target-id': String(options.repoId),
          }),
      'x-hub-signature-256': await sign(options.secret, body),
    },
  };
}
