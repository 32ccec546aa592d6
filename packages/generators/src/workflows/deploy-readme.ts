import type { BuildConfig } from '@botsmith/shared';
import type { ReadmeSection } from '../types';
import type { DeployTarget, TargetDeploy } from './deploy-targets';
import { flyAppName } from './fly-toml';

/**
 * What a target's README section says: `setup` (numbered steps, always needed), then either
 * `manual` (deploying by hand, without the deploy workflow) or `automated` (the steps the
 * workflow needs, continuing the numbering, and a paragraph on how it deploys).
 */
interface TargetDocs {
  setup: string[];
  manual: string;
  automated: { steps: string[]; how: string };
}

const DOCS: Record<DeployTarget, (config: BuildConfig) => TargetDocs> = {
  'docker-ghcr': () => ({
    setup: [],
    manual:
      'Build and run the image anywhere Docker runs: `docker build -t bot . && docker run --env-file .env bot`.',
    automated: {
      steps: [],
      how: 'Each deploy builds the Dockerfile and pushes the image to the GitHub Container Registry as `ghcr.io/OWNER/REPO`, tagged with the full commit SHA and `latest`; the workflow signs in with its own `GITHUB_TOKEN`. Run it anywhere: `docker run --env-file .env ghcr.io/OWNER/REPO:latest`. Point your host at `latest`, or at a SHA tag to pin a version.',
    },
  }),
  railway: () => ({
    setup: [
      'Create a project on [Railway](https://railway.com) with an empty service, and add the variables from `.env.example` to it.',
    ],
    manual:
      'Deploy from your machine with the Railway CLI, `railway link` once and then `railway up`; Railway builds it with the Dockerfile.',
    automated: {
      steps: [
        'In the project settings create a **project token** and store it as the secret `RAILWAY_TOKEN`.',
        'If the project has several services, set the repository variable `RAILWAY_SERVICE` to the service name.',
      ],
      how: 'Each deploy uploads the checked-out commit with `railway up --ci`; Railway builds it with the Dockerfile.',
    },
  }),
  fly: (config) => ({
    setup: [
      `Install \`flyctl\`, sign in, and create the app once: \`fly apps create ${flyAppName(config)}\` (the name is in \`fly.toml\`; change both if it is taken).`,
      "Store the bot's variables as Fly secrets: `fly secrets set DISCORD_TOKEN=...` and so on, one for each required variable in `.env.example`.",
    ],
    manual: 'Deploy with `fly deploy --remote-only`: Fly builds the Dockerfile on its builders.',
    automated: {
      steps: [
        'Create a deploy token with `fly tokens create deploy` and store it as the secret `FLY_API_TOKEN`.',
      ],
      how: 'Each deploy runs `flyctl deploy --remote-only`: Fly builds the Dockerfile on its builders and replaces the machine.',
    },
  }),
  render: () => ({
    setup: [
      'Create a **Background Worker** (or a Web Service, with the health endpoint) on [Render](https://render.com) from this repository, with the Docker runtime, and add the variables from `.env.example`.',
    ],
    manual:
      'Render deploys each push to the branch it tracks (Auto-Deploy). To roll back, use **Rollback** on an earlier deploy in its Events page.',
    automated: {
      steps: [
        'Turn **Auto-Deploy** off in its settings, so only tested commits are deployed.',
        "Set the repository variable `RENDER_SERVICE_ID` to the service's ID (`srv-…`, shown in its settings).",
        'Create an API key (Account Settings → API Keys) and store it as the secret `RENDER_API_KEY`. The key can manage every service your Render account can reach, so make it a secret of the `production` environment, which only the deploy job can read.',
      ],
      how: "Each deploy asks Render's API to deploy the exact commit that was tested and waits until it is live. (A deploy hook cannot name a commit: it always deploys the branch head.) The dashboard's **Rollback** on the Events page is quicker than a redeploy of an old commit, since it reuses an earlier build.",
    },
  }),
};

const numbered = (steps: readonly string[]) => steps.map((step, i) => `${i + 1}. ${step}`);

/** The README's "Deploy" section: setting up the target, and how the workflow deploys. */
export function deployReadme(
  config: BuildConfig,
  target: DeployTarget,
  deploy: TargetDeploy,
  withWorkflow: boolean,
): ReadmeSection {
  const docs = DOCS[target](config);
  const secrets = deploy.secrets.map((secret) => `\`${secret}\``).join(', ');
  const paragraphs = withWorkflow
    ? [
        numbered([...docs.setup, ...docs.automated.steps]).join('\n'),
        docs.automated.how,
        `\`.github/workflows/deploy.yml\` deploys ${config.automation.ci ? 'every commit on `main` once CI has passed' : 'every push to `main` after testing it'}, in the \`production\` environment (add required reviewers there to approve deploys). Deploys run one at a time and are never cancelled halfway. To redeploy or roll back, run the workflow from the Actions tab ("Run workflow") and enter the commit SHA, tag or branch as \`ref\`.`,
        secrets
          ? `Secrets it reads: ${secrets} (repository secrets, or secrets of the \`production\` environment to keep them from every other job).`
          : '',
      ]
    : [
        numbered(docs.setup).join('\n'),
        docs.manual,
        'Add the deploy automation in Botsmith to get a workflow that deploys every tested commit.',
      ];
  return {
    order: 75,
    title: `Deploy to ${deploy.label}`,
    body: paragraphs.filter(Boolean).join('\n\n'),
  };
}
