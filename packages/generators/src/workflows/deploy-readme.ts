import type { BuildConfig } from '@botsmith/shared';
import type { ReadmeSection } from '../types';
import type { DeployTarget, DeployVariable, TargetDeploy } from './deploy-targets';
import { flyAppName } from './fly-toml';

/**
 * What a target's README section says: `setup` (numbered steps, always needed), then either
 * `manual` (deploying by hand, without the deploy workflow) or `automated` (the steps the
 * workflow needs, continuing the numbering, and a paragraph on how it deploys).
 */
interface TargetDocs {
  setup: string[];
  manual: { steps?: string[]; how: string };
  automated: { steps: string[]; how: string };
}

const DOCS: Record<DeployTarget, (config: BuildConfig) => TargetDocs> = {
  'docker-ghcr': () => ({
    setup: [],
    manual: {
      how: 'Build and run the image anywhere Docker runs: `docker build -t bot . && docker run --env-file .env bot`.',
    },
    automated: {
      steps: [],
      how: [
        'Each deploy builds the Dockerfile and pushes the image to the GitHub Container Registry as `ghcr.io/OWNER/REPO`, tagged with the full commit SHA and `latest`; the workflow signs in with its own `GITHUB_TOKEN`. The image holds no configuration: give it the runtime variables from a `.env` file (copied from `.env.example`) on the machine that runs it:',
        '',
        '```sh',
        'docker run -d --restart unless-stopped --env-file .env ghcr.io/OWNER/REPO:latest',
        '```',
        '',
        'Or, with `compose.yaml` and `.env` side by side (replace `OWNER/REPO` in it first): `docker compose pull && docker compose up -d`, again after each deploy. Point your host at `latest`, or at a SHA tag to pin a version.',
      ].join('\n'),
    },
  }),
  railway: (config) => ({
    setup: ['Create a project on [Railway](https://railway.com) with an empty service.'],
    manual: {
      steps: ['Add the variables from `.env.example` to the service.'],
      how: 'Deploy from your machine with the Railway CLI, `railway link` once and then `railway up`; Railway builds it with the Dockerfile.',
    },
    automated: {
      steps: [
        'In the project settings create a **project token** and store it as the secret `RAILWAY_TOKEN`.',
        'If the project has several services, set the variable `RAILWAY_SERVICE` to the service name.',
        ...(config.features.includes('health')
          ? [
              'Give the service a public domain (Settings → Networking) and set the variable `HEALTH_URL` to its `/health` URL, which each deploy probes.',
            ]
          : []),
      ],
      how: "Each deploy first sets the service's variables from the `production` environment with `railway variable set --skip-deploys`, then uploads the checked-out commit with `railway up --ci`; Railway builds it with the Dockerfile.",
    },
  }),
  fly: (config) => ({
    setup: [
      `Install \`flyctl\`, sign in, and create the app once: \`fly apps create ${flyAppName(config)}\` (the name is in \`fly.toml\`; change both if it is taken).`,
    ],
    manual: {
      steps: [
        "Store the bot's variables as Fly secrets: `fly secrets set NAME=...`, one for each required variable in `.env.example`.",
      ],
      how: 'Deploy with `fly deploy --remote-only --ha=false`: Fly builds the Dockerfile on its builders and runs **one machine**. Without `--ha=false` the first deploy starts two, and two bots would both poll Telegram (409 conflicts), answer every message twice and send every scheduled post twice.',
    },
    automated: {
      steps: [
        'Create a deploy token with `fly tokens create deploy` and store it as the secret `FLY_API_TOKEN`.',
      ],
      how: `Each deploy first stages the runtime values of the \`production\` environment as Fly secrets (\`flyctl secrets set --stage\`), then runs \`flyctl deploy --remote-only --ha=false\`: Fly builds the Dockerfile on its builders and replaces the machine with the new secrets. \`--ha=false\` keeps it to **one machine**: by default Fly starts two, and two bots would both poll Telegram (409 conflicts), answer every message twice and send every scheduled post twice.${config.features.includes('health') ? ' The health check uses `https://<app>.fly.dev/health` unless the variable `HEALTH_URL` says otherwise.' : ''}`,
    },
  }),
  render: (config) => ({
    setup: [
      config.features.includes('health')
        ? 'Create a **Web Service** on [Render](https://render.com) from this repository, with the Docker runtime, so its `/health` endpoint has a public URL.'
        : 'Create a **Background Worker** on [Render](https://render.com) from this repository, with the Docker runtime.',
    ],
    manual: {
      steps: ['Add the variables from `.env.example` to the service.'],
      how: 'Render deploys each push to the branch it tracks (Auto-Deploy). To roll back, use **Rollback** on an earlier deploy in its Events page.',
    },
    automated: {
      steps: [
        'Turn **Auto-Deploy** off in its settings, so only tested commits are deployed.',
        "Set the variable `RENDER_SERVICE_ID` to the service's ID (`srv-…`, shown in its settings).",
        'Create an API key (Account Settings → API Keys) and store it as the secret `RENDER_API_KEY`. The key can manage every service your Render account can reach, which is why it lives in the `production` environment, readable only by the deploy job.',
        ...(config.features.includes('health')
          ? [
              "Set the variable `HEALTH_URL` to the service's `/health` URL (`https://….onrender.com/health`), which each deploy probes.",
            ]
          : []),
      ],
      how: "Each deploy first sets the service's environment variables from the `production` environment through Render's API (one key at a time), then asks it to deploy the exact commit that was tested and waits until it is live. (A deploy hook cannot name a commit: it always deploys the branch head.)",
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
  const read = deploy.variables(config);
  const names = (location: DeployVariable['location'], kind: string) => {
    const listed = read
      .filter((variable) => variable.location === location)
      .map((variable) => `\`${variable.name}\``);
    return listed.length === 0
      ? ''
      : `the ${kind}${listed.length > 1 ? 's' : ''} ${listed.join(', ')}`;
  };
  const secrets = names('deploy-secret', 'secret');
  const variables = names('deploy-variable', 'variable');
  const probed = deploy.health !== undefined && config.features.includes('health');
  const paragraphs = withWorkflow
    ? [
        numbered([...docs.setup, ...docs.automated.steps]).join('\n'),
        docs.automated.how,
        `\`.github/workflows/deploy.yml\` deploys ${config.automation.ci ? 'every commit on `main` once CI has passed' : 'every push to `main` after testing it'}, in the \`production\` environment (add required reviewers there to approve deploys). Deploys run one at a time and are never cancelled halfway. To redeploy or roll back, run the workflow from the Actions tab ("Run workflow") and enter the commit SHA, tag or branch as \`ref\`.`,
        deploy.deliver
          ? 'Every value the bot reads (the host runtime variables in the table above) is stored in the `production` environment, secrets as environment secrets and plain values as environment variables, and handed to the host before each deploy. A required one that is missing stops the deploy with an error naming it; an optional one left empty is skipped.'
          : '',
        probed
          ? "After deploying, the workflow probes the bot's `/health` for about a minute. If it does not answer, the workflow redeploys the last commit GitHub recorded as successfully deployed to `production`, and the run fails with a summary naming both commits."
          : '',
        secrets || variables
          ? `The workflow itself reads ${[secrets, variables].filter(Boolean).join(' and ')}, all of the \`production\` environment.`
          : '',
      ]
    : [
        numbered([...docs.setup, ...(docs.manual.steps ?? [])]).join('\n'),
        docs.manual.how,
        'Add the deploy automation in Botsmith to get a workflow that deploys every tested commit.',
      ];
  return {
    order: 75,
    title: `Deploy to ${deploy.label}`,
    body: paragraphs.filter(Boolean).join('\n\n'),
  };
}
