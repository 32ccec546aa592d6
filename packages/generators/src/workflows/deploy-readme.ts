import type { BuildConfig } from '@botsmith/shared';
import type { ReadmeSection } from '../types';
import type { DeployTarget, TargetDeploy } from './deploy-targets';
import { flyAppName } from './fly-toml';

const SETUP: Record<DeployTarget, (config: BuildConfig) => string[]> = {
  'docker-ghcr': () => [
    'Each deploy builds the Dockerfile and pushes the image to the GitHub Container Registry as `ghcr.io/OWNER/REPO`, tagged with the full commit SHA and `latest`. Nothing else is needed: the workflow signs in with its own `GITHUB_TOKEN`.',
    'Run the image anywhere: `docker run --env-file .env ghcr.io/OWNER/REPO:latest`. Point your host at `latest`, or at a SHA tag to pin a version.',
  ],
  railway: () => [
    '1. Create a project on [Railway](https://railway.com) with an empty service, and add the variables from `.env.example` to it.',
    '2. In the project settings create a **project token** and store it as the repository secret `RAILWAY_TOKEN`.',
    '3. If the project has several services, set the repository variable `RAILWAY_SERVICE` to the service name.',
    'Each deploy uploads the checked-out commit with `railway up --ci`; Railway builds it with the Dockerfile.',
  ],
  fly: (config) => [
    `1. Install \`flyctl\`, sign in, and create the app once: \`fly apps create ${flyAppName(config)}\` (the name is in \`fly.toml\`; change both if it is taken).`,
    "2. Store the bot's variables as Fly secrets: `fly secrets set DISCORD_TOKEN=...` and so on, one for each required variable in `.env.example`.",
    '3. Create a deploy token with `fly tokens create deploy` and store it as the repository secret `FLY_API_TOKEN`.',
    'Each deploy runs `flyctl deploy --remote-only`: Fly builds the Dockerfile on its builders and replaces the machine.',
  ],
  render: () => [
    '1. Create a **Background Worker** (or a Web Service, with the health endpoint) on [Render](https://render.com) from this repository, with the Docker runtime, and add the variables from `.env.example`.',
    '2. Turn **Auto-Deploy** off in its settings, so only tested commits are deployed.',
    '3. Copy its **Deploy Hook** URL (Settings) into the repository secret `RENDER_DEPLOY_HOOK_URL`.',
    'Each deploy calls the hook with the commit SHA as its `ref`, so Render builds exactly the commit CI tested.',
  ],
};

/** The README's "Deploy" section: setting up the target, and how the workflow deploys. */
export function deployReadme(
  config: BuildConfig,
  target: DeployTarget,
  deploy: TargetDeploy,
  withWorkflow: boolean,
): ReadmeSection {
  const secrets = deploy.secrets.map((secret) => `\`${secret}\``).join(', ');
  const workflow = withWorkflow
    ? [
        '',
        `\`.github/workflows/deploy.yml\` deploys ${config.automation.ci ? 'every commit on `main` once CI has passed' : 'every push to `main` after testing it'}, in the \`production\` environment (add required reviewers there to approve deploys). Deploys run one at a time and are never cancelled halfway.`,
        'To redeploy or roll back, run the workflow from the Actions tab ("Run workflow") and enter the commit SHA, tag or branch as `ref`.',
        secrets ? `Repository secrets it needs: ${secrets}.` : '',
      ]
    : [
        '',
        'Add the deploy automation in Botsmith to get a workflow that deploys every tested commit.',
      ];
  return {
    order: 75,
    title: `Deploy to ${deploy.label}`,
    body: [...SETUP[target](config), ...workflow].join('\n').trim(),
  };
}
