// Drives Botsmith from a script with the typed client (SPEC §2 J5): previews a generated
// project, saves it as a draft, lists projects and deployments, and opens the live
// deployment stream for a moment. Run: BOTSMITH_URL=… BOTSMITH_TOKEN=bsm_… node main.ts
import { createBotsmithClient, type RouterInputs } from '@botsmith/client';
import { EventSource } from 'eventsource';

const url = process.env.BOTSMITH_URL ?? 'http://127.0.0.1:3000';
const token = process.env.BOTSMITH_TOKEN;
if (!token) {
  console.error('Set BOTSMITH_TOKEN to a token created on the Account page.');
  process.exit(1);
}

// Node has no EventSource of its own; the `eventsource` package's sends the token too.
const botsmith = createBotsmithClient({ url, token, EventSource });

const me = await botsmith.auth.me.query();
console.log(`signed in as ${me?.user.login} (${me?.via})`);

const name = process.env.BOTSMITH_PROJECT_NAME ?? `sdk-example-${Date.now().toString(36)}`;
const config: RouterInputs['project']['saveDraft']['config'] = {
  project: { name, description: 'Made by the Botsmith SDK example.' },
  platforms: ['discord', 'cli'],
  features: ['commands', 'health'],
};

const preview = await botsmith.generator.preview.query(config);
const paths = preview.files.map((file) => file.path);
console.log(`preview: ${paths.length} files (generator ${preview.generatorVersion})`);
console.log(
  `  includes ${paths.filter((path) => path === 'package.json' || path.endsWith('index.ts')).join(', ')}`,
);

const project = await botsmith.project.saveDraft.mutate({ name, config });
console.log(`saved project ${project.name} (${project.status})`);

const projects = await botsmith.project.list.query();
console.log(`projects: ${projects.items.map((item) => item.name).join(', ')}`);

const deployments = await botsmith.deployment.list.query({ projectId: project.id });
console.log(`deployments of ${project.name}: ${deployments.items.length}`);

// Subscriptions stream over SSE; this one reports each deployment as it changes.
await new Promise<void>((resolve, reject) => {
  const subscription = botsmith.deployment.changes.subscribe(
    { projectId: project.id },
    {
      onStarted: () => {
        console.log('live deployment updates: connected');
        subscription.unsubscribe();
        resolve();
      },
      onData: (deployment) => console.log(`deployment ${deployment.id}: ${deployment.status}`),
      onError: (error) => {
        subscription.unsubscribe();
        reject(error);
      },
    },
  );
});
