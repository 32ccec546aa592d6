// biome-ignore-all lint/suspicious/noTemplateCurlyInString: shell parameter expansions are literal text here
import type { BuildConfig, LedgerEntry } from '@botsmith/shared';
import { expression } from '../lib/yaml';
import { ACTION_VERSIONS, RAILWAY_CLI } from '../versions';
import { deliveryStep, withPairs } from './delivery';
import type { Step } from './steps';

export type DeployTarget = Exclude<BuildConfig['deploy']['target'], 'none'>;

/** A first deploy, or the redeploy of the last good commit after a failed health check. */
export type DeployPhase = 'deploy' | 'rollback';

/** A ledger entry the deploy workflow reads, before its owner (the target) is attached. */
export type DeployVariable = Omit<LedgerEntry, 'neededBy'>;

/** How the workflow finds the URL it probes after deploying. */
export interface TargetHealth {
  /** Shell that sets `url` when `HEALTH_URL` is empty (Fly derives it from fly.toml). */
  derive?: string[];
}

/** The steps and extra permissions that ship the checked-out commit to one target. */
export interface TargetDeploy {
  label: string;
  permissions: Record<string, string>;
  /** Tools the deploy and a rollback's redeploy share, installed once. */
  setup(config: BuildConfig): Step[];
  /**
   * Hands every runtime ledger entry to the host before it deploys. None for an image, which
   * has no host of its own: it runs with `--env-file .env` wherever it is pulled.
   */
  deliver?(runtime: readonly LedgerEntry[]): Step;
  /** Ships the checked-out commit; the last step is the deploy itself. */
  deploy(config: BuildConfig, phase: DeployPhase): Step[];
  /** Set when the target runs the bot, so the workflow can probe it and roll back. */
  health?: TargetHealth;
  /** What the deploy workflow reads from the `production` environment (the runtime ledger). */
  variables(config: BuildConfig): DeployVariable[];
  /** The deployment's `environment_url` when there is no health URL (an image's package page). */
  environmentUrl?: string;
}

/** Step ids of the rollback's redeploy differ from the deploy's: ids are unique in a job. */
export const stepId = (phase: DeployPhase, id: string): string =>
  phase === 'deploy' ? id : `rollback-${id}`;

const hasHealthEndpoint = (config: BuildConfig) => config.features.includes('health');

const HEALTH_DESCRIPTION =
  "Public URL of the bot's /health endpoint (https://…/health), which the deploy workflow probes after each deploy; a failed probe rolls back to the last good deploy.";

/** `HEALTH_URL`, when the project serves /health: required unless the target derives it. */
function healthUrl(config: BuildConfig, helpUrl: string, derived?: string): DeployVariable[] {
  if (!hasHealthEndpoint(config)) return [];
  return [
    {
      name: 'HEALTH_URL',
      secret: false,
      required: derived === undefined,
      description: derived ? `${HEALTH_DESCRIPTION} Empty uses ${derived}.` : HEALTH_DESCRIPTION,
      helpUrl,
      format: {
        pattern: '^https?://[^\\s/]+(/\\S*)?$',
        hint: 'an http(s) URL such as https://bot.example.com/health',
      },
      location: 'deploy-variable',
    },
  ];
}

// The commit to deploy was resolved and checked out by earlier steps; `git rev-parse HEAD`
// names it without interpolating any event field into a script.
const GHCR: TargetDeploy = {
  label: 'GitHub Container Registry',
  permissions: { contents: 'read', packages: 'write' },
  variables: () => [],
  // The image's package page, linked to the repository by the image's source label.
  environmentUrl: `${expression('github.server_url')}/${expression('github.repository')}/pkgs/container/${expression('github.event.repository.name')}`,
  setup: () => [
    { uses: ACTION_VERSIONS.dockerSetupBuildx },
    {
      uses: ACTION_VERSIONS.dockerLogin,
      with: {
        registry: 'ghcr.io',
        username: expression('github.actor'),
        password: expression('secrets.GITHUB_TOKEN'),
      },
    },
  ],
  deploy: (_config, phase) => {
    const meta = stepId(phase, 'meta');
    return [
      {
        id: meta,
        uses: ACTION_VERSIONS.dockerMetadata,
        with: {
          images: `ghcr.io/${expression('github.repository')}`,
          // "git" context: tag the checked-out commit, not the event's (the default branch head).
          context: 'git',
          // latest always follows the last deploy, so redeploying an old commit rolls it back.
          tags: 'type=sha,format=long\ntype=raw,value=latest\n',
        },
      },
      {
        id: stepId(phase, 'deploy'),
        uses: ACTION_VERSIONS.dockerBuildPush,
        with: {
          context: '.',
          push: true,
          tags: expression(`steps.${meta}.outputs.tags`),
          labels: expression(`steps.${meta}.outputs.labels`),
          'cache-from': 'type=gha',
          'cache-to': 'type=gha,mode=max',
        },
      },
    ];
  },
};

const RAILWAY_ENV = {
  RAILWAY_TOKEN: expression('secrets.RAILWAY_TOKEN'),
  RAILWAY_SERVICE: expression('vars.RAILWAY_SERVICE'),
};
// --service only when the project has several services (the variable RAILWAY_SERVICE).
const RAILWAY_SERVICE_FLAG = '${RAILWAY_SERVICE:+--service "$RAILWAY_SERVICE"}';

const RAILWAY: TargetDeploy = {
  label: 'Railway',
  permissions: { contents: 'read' },
  health: {},
  variables: (config) => [
    {
      name: 'RAILWAY_TOKEN',
      secret: true,
      required: true,
      description:
        'Railway project token (project settings > Tokens), used by the deploy workflow.',
      helpUrl: 'https://docs.railway.com/guides/public-api#project-token',
      location: 'deploy-secret',
    },
    {
      name: 'RAILWAY_SERVICE',
      secret: false,
      required: false,
      description: 'Railway service name, needed only when the project has several services.',
      helpUrl: 'https://docs.railway.com/guides/services',
      location: 'deploy-variable',
    },
    ...healthUrl(config, 'https://docs.railway.com/guides/public-networking'),
  ],
  // Only npx is needed here, so no dependency cache.
  setup: (config) => [
    { uses: ACTION_VERSIONS.setupNode, with: { 'node-version': config.runtime.nodeVersion } },
  ],
  // `variable set` prints the names it set, never the values; --skip-deploys leaves the
  // deploy to `railway up`, so the service restarts once, on the new commit.
  deliver: (runtime) =>
    deliveryStep(
      'Deliver the runtime variables to Railway',
      runtime,
      RAILWAY_ENV,
      withPairs(`npx --yes ${RAILWAY_CLI} variable set --skip-deploys ${RAILWAY_SERVICE_FLAG}`),
    ),
  deploy: (_config, phase) => [
    {
      name: 'Deploy with the Railway CLI',
      id: stepId(phase, 'deploy'),
      env: RAILWAY_ENV,
      run: `npx --yes ${RAILWAY_CLI} up --ci ${RAILWAY_SERVICE_FLAG}`,
    },
  ],
};

const FLY_ENV = { FLY_API_TOKEN: expression('secrets.FLY_API_TOKEN') };

const FLY: TargetDeploy = {
  label: 'Fly.io',
  permissions: { contents: 'read' },
  // The app name in fly.toml, so a renamed app is still found.
  health: {
    derive: [
      'app="$(sed -n \'s/^app = "\\(.*\\)"$/\\1/p\' fly.toml)"',
      'url="https://$app.fly.dev/health"',
    ],
  },
  variables: (config) => [
    {
      name: 'FLY_API_TOKEN',
      secret: true,
      required: true,
      description: 'Fly.io deploy token (`fly tokens create deploy`), used by the deploy workflow.',
      helpUrl: 'https://fly.io/docs/security/tokens/',
      location: 'deploy-secret',
    },
    ...healthUrl(
      config,
      'https://fly.io/docs/networking/services/',
      'https://<app in fly.toml>.fly.dev/health',
    ),
  ],
  setup: () => [{ uses: ACTION_VERSIONS.setupFlyctl }],
  // --stage: the secrets take effect with the deploy that follows, one restart in all.
  deliver: (runtime) =>
    deliveryStep(
      'Deliver the runtime secrets to Fly.io',
      runtime,
      FLY_ENV,
      withPairs('flyctl secrets set --stage'),
    ),
  deploy: (_config, phase) => [
    {
      name: 'Deploy to Fly.io',
      id: stepId(phase, 'deploy'),
      env: FLY_ENV,
      // One machine: a second would poll Telegram too (409), answer twice and post schedules twice.
      run: 'flyctl deploy --remote-only --ha=false',
    },
  ],
};

const RENDER_ENV = {
  RENDER_API_KEY: expression('secrets.RENDER_API_KEY'),
  RENDER_SERVICE_ID: expression('vars.RENDER_SERVICE_ID'),
};

// The ledger's format and the workflow's check are one pattern (bash's =~ is ERE too).
const RENDER_SERVICE_ID_PATTERN = '^srv-[a-z0-9]+$';

const RENDER_CHECKS = [
  `if [[ ! "$RENDER_SERVICE_ID" =~ ${RENDER_SERVICE_ID_PATTERN} ]]; then`,
  '  echo "::error::Set the production environment variable RENDER_SERVICE_ID to the service ID (srv-...)."',
  '  exit 1',
  'fi',
  'auth="Authorization: Bearer $RENDER_API_KEY"',
];

// One PUT per key (https://api-docs.render.com/reference/update-env-var): jq reads the value
// from the environment, so it is on no command line, and curl reads the body from stdin. The
// response holds the value, so only Render's error message is shown.
const RENDER_DELIVER_SCRIPT = [
  'for name in "${names[@]}"; do',
  '  if ! response="$(jq --null-input --compact-output --arg name "$name" \'{value: env[$name]}\' | curl --fail-with-body --silent --show-error --request PUT "https://api.render.com/v1/services/$RENDER_SERVICE_ID/env-vars/$name" --header "$auth" --header "Content-Type: application/json" --data-binary @-)"; then',
  '    echo "::error::Render did not take $name: $(jq --raw-output \'.message // "no details"\' <<<"$response" 2>/dev/null || echo "no details")"',
  '    exit 1',
  '  fi',
  '  echo "Set $name on Render"',
  'done',
];

// Render's deploy hook takes no commit (only `imgURL`, for image-backed services) and deploys
// the branch head, which may be newer than the commit CI tested. The API's "Trigger deploy"
// takes `commitId`, so the tested commit, or an older one for a rollback, is what goes live:
// https://api-docs.render.com/reference/create-deploy. The step then follows the deploy until
// it is live or has failed, so the workflow's outcome is the deploy's.
const RENDER_DEPLOY_SCRIPT = [
  ...RENDER_CHECKS,
  'sha="$(git rev-parse HEAD)"',
  'api="https://api.render.com/v1/services/$RENDER_SERVICE_ID/deploys"',
  'body="$(jq --null-input --compact-output --arg sha "$sha" \'{commitId: $sha}\')"',
  'deploy="$(curl --fail-with-body --silent --show-error --request POST "$api" --header "$auth" --header "Content-Type: application/json" --data "$body")"',
  'id="$(jq --raw-output .id <<<"$deploy")"',
  'echo "Render deploy $id of $sha started"',
  'while sleep 15; do',
  '  deploy="$(curl --fail-with-body --silent --show-error --retry 3 --header "$auth" "$api/$id")"',
  '  status="$(jq --raw-output .status <<<"$deploy")"',
  '  echo "Render deploy $id: $status"',
  '  case "$status" in',
  '    live) exit 0 ;;',
  '    build_failed | update_failed | pre_deploy_failed | canceled | deactivated)',
  '      echo "::error::Render deploy $id of $sha ended $status."',
  '      exit 1',
  '      ;;',
  '  esac',
  'done',
].join('\n');

const RENDER: TargetDeploy = {
  label: 'Render',
  permissions: { contents: 'read' },
  health: {},
  variables: (config) => [
    {
      name: 'RENDER_API_KEY',
      secret: true,
      required: true,
      description: 'Render API key (Account Settings > API Keys), used by the deploy workflow.',
      helpUrl: 'https://render.com/docs/api#1-create-an-api-key',
      location: 'deploy-secret',
    },
    {
      name: 'RENDER_SERVICE_ID',
      secret: false,
      required: true,
      description: "The Render service's ID (srv-…, in its settings), which the workflow deploys.",
      helpUrl: 'https://render.com/docs/api#3-find-your-service-id',
      format: {
        pattern: RENDER_SERVICE_ID_PATTERN,
        hint: 'a Render service ID such as srv-abc123',
      },
      location: 'deploy-variable',
    },
    ...healthUrl(config, 'https://render.com/docs/web-services#your-service-url'),
  ],
  setup: () => [],
  deliver: (runtime) =>
    deliveryStep('Deliver the runtime variables to Render', runtime, RENDER_ENV, [
      ...RENDER_CHECKS,
      ...RENDER_DELIVER_SCRIPT,
    ]),
  deploy: (_config, phase) => [
    {
      name: 'Deploy the commit on Render',
      id: stepId(phase, 'deploy'),
      env: RENDER_ENV,
      run: RENDER_DEPLOY_SCRIPT,
    },
  ],
};

/** How each deploy target ships the checked-out commit. */
export const DEPLOY_TARGETS: Record<DeployTarget, TargetDeploy> = {
  'docker-ghcr': GHCR,
  railway: RAILWAY,
  fly: FLY,
  render: RENDER,
};
