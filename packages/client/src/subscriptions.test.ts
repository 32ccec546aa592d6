import { createTestApiUser, serveForSuite } from '@botsmith/api/testing';
import { createProject, type DeploymentWithProject, saveDeployment } from '@botsmith/db';
import { describeEachDatabase } from '@botsmith/db/testing';
import { BUILD_CONFIG_SCHEMA_VERSION } from '@botsmith/shared';
import { EventSource } from 'eventsource';
import { beforeAll, expect, test } from 'vitest';
import { type BotsmithClient, createBotsmithClient } from './create-botsmith-client';

/** The first deployment `deployment.changes` streams for the project, after `onStarted`. */
function firstChange(
  botsmith: BotsmithClient,
  projectId: string,
  onStarted: () => Promise<unknown>,
): Promise<DeploymentWithProject> {
  return new Promise((resolve, reject) => {
    const subscription = botsmith.deployment.changes.subscribe(
      { projectId },
      {
        onStarted: () => void onStarted().catch(reject),
        onData: (deployment) => {
          subscription.unsubscribe();
          resolve(deployment);
        },
        onError: (error) => {
          subscription.unsubscribe();
          reject(error);
        },
      },
    );
  });
}

// Node has no EventSource; the `eventsource` package's takes the client's `fetch`, which adds
// the API token, so subscriptions authenticate like every other call.
describeEachDatabase('subscriptions over SSE from Node', (t) => {
  const api = serveForSuite(t);
  let token: string;
  let projectId: string;
  beforeAll(async () => {
    const dave = await createTestApiUser(t.db, { login: 'dave', githubId: 701 });
    token = dave.token;
    const project = await createProject(t.db, dave.user.id, {
      name: 'live-bot',
      config: {},
      configSchemaVersion: BUILD_CONFIG_SCHEMA_VERSION,
    });
    projectId = project.id;
  });

  test('deployment.changes streams a deployment as it changes, with the token', async () => {
    const botsmith = createBotsmithClient({ url: api.url, token, EventSource });
    const deployment = await firstChange(botsmith, projectId, () =>
      saveDeployment(
        t.db,
        { projectId, source: 'workflow_run', externalId: '4242' },
        { status: 'in_progress', workflowName: 'Deploy' },
        (_current, facts) => facts,
      ),
    );
    expect(deployment).toMatchObject({
      projectId,
      projectName: 'live-bot',
      status: 'in_progress',
      workflowName: 'Deploy',
    });
    expect(deployment.createdAt).toBeInstanceOf(Date);
  });

  test('without the token the stream is refused as UNAUTHORIZED', async () => {
    const anonymous = createBotsmithClient({ url: api.url, EventSource });
    const error = await firstChange(anonymous, projectId, async () => {}).catch((e: unknown) => e);
    expect(error).toMatchObject({ data: { code: 'UNAUTHORIZED' } });
  });
});
