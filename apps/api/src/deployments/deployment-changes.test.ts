import { describeEachDatabase } from '@botsmith/db/testing';
import { scaledTimeout } from '@botsmith/test-kit';
import { expect, test } from 'vitest';
import { testCipher } from '../testing/test-keys';
import { connectedProject, testUser } from '../testing/webhook-fixtures';
import { deploymentChanges } from './deployment-changes';

describeEachDatabase('deploymentChanges', (t) => {
  test(
    'a burst of more changes than one page still yields every row once',
    async () => {
      const owner = await testUser(t.db, 9101, 'burst');
      const { project } = await connectedProject(t.db, testCipher(), owner, {
        name: 'burst',
        repoFullName: 'burst/burst',
        webhookId: null,
      });
      const base = Date.now();
      await t.db
        .insertInto('deployments')
        .values(
          Array.from({ length: 250 }, (_, i) => ({
            projectId: project.id,
            source: 'workflow_run' as const,
            externalId: String(i),
            status: 'queued' as const,
            updatedAt: new Date(base - 2000 + i * 3),
          })),
        )
        .execute();
      const abort = new AbortController();
      const seen = new Set<string>();
      let yielded = 0;
      for await (const row of deploymentChanges(t.db, owner.id, { signal: abort.signal })) {
        seen.add(row.externalId);
        yielded += 1;
        if (seen.size === 250) break;
      }
      expect(yielded).toBe(250);
    },
    scaledTimeout(20_000),
  );
});
