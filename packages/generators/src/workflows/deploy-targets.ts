import type { BuildConfig, LedgerEntry } from '@botsmith/shared';
import { expression } from '../lib/yaml';
import { ACTION_VERSIONS, RAILWAY_CLI } from '../versions';
import type { Step } from './steps';

export type DeployTarget = Exclude<BuildConfig['deploy']['target'], 'none'>;

/** The steps and extra permissions that ship the checked-out commit to one target. */
export interface TargetDeploy {
  label: string;
  permissions: Record<string, string>;
  steps(config: BuildConfig): Step[];
  /** Repository secrets the workflow reads, for the README. */
  secrets: string[];
  /** What the deploy workflow reads from the `production` environment (the runtime ledger). */
  variables: Omit<LedgerEntry, 'neededBy'>[];
}

// The commit to deploy was resolved and checked out by earlier steps; `git rev-parse HEAD`
// names it without interpolating any event field into a script.
const GHCR: TargetDeploy = {
  label: 'GitHub Container Registry',
  permissions: { contents: 'read', packages: 'write' },
  secrets: [],
  variables: [],
  steps: () => [
    { uses: ACTION_VERSIONS.dockerSetupBuildx },
    {
      uses: ACTION_VERSIONS.dockerLogin,
      with: {
        registry: 'ghcr.io',
        username: expression('github.actor'),
        password: expression('secrets.GITHUB_TOKEN'),
      },
    },
    {
      id: 'meta',
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
      uses: ACTION_VERSIONS.dockerBuildPush,
      with: {
        context: '.',
        push: true,
        tags: expression('steps.meta.outputs.tags'),
        labels: expression('steps.meta.outputs.labels'),
        'cache-from': 'type=gha',
        'cache-to': 'type=gha,mode=max',
      },
    },
  ],
};

const RAILWAY: TargetDeploy = {
  label: 'Railway',
  permissions: { contents: 'read' },
  secrets: ['RAILWAY_TOKEN'],
  variables: [
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
      location: 'deploy-variable',
    },
  ],
  steps: (config) => [
    // Only npx is needed here, so no dependency cache.
    { uses: ACTION_VERSIONS.setupNode, with: { 'node-version': config.runtime.nodeVersion } },
    {
      name: 'Deploy with the Railway CLI',
      env: {
        RAILWAY_TOKEN: expression('secrets.RAILWAY_TOKEN'),
        RAILWAY_SERVICE: expression('vars.RAILWAY_SERVICE'),
      },
      // --service only when the project has several services (repository variable RAILWAY_SERVICE).
      run: `npx --yes ${RAILWAY_CLI} up --ci \${RAILWAY_SERVICE:+--service "$RAILWAY_SERVICE"}`,
    },
  ],
};

const FLY: TargetDeploy = {
  label: 'Fly.io',
  permissions: { contents: 'read' },
  secrets: ['FLY_API_TOKEN'],
  variables: [
    {
      name: 'FLY_API_TOKEN',
      secret: true,
      required: true,
      description: 'Fly.io deploy token (`fly tokens create deploy`), used by the deploy workflow.',
      helpUrl: 'https://fly.io/docs/security/tokens/',
      location: 'deploy-secret',
    },
  ],
  steps: () => [
    { uses: ACTION_VERSIONS.setupFlyctl },
    {
      name: 'Deploy to Fly.io',
      env: { FLY_API_TOKEN: expression('secrets.FLY_API_TOKEN') },
      run: 'flyctl deploy --remote-only',
    },
  ],
};

// Render's deploy hook takes no commit (only `imgURL`, for image-backed services) and deploys
// the branch head, which may be newer than the commit CI tested. The API's "Trigger deploy"
// takes `commitId`, so the tested commit, or an older one for a rollback, is what goes live:
// https://api-docs.render.com/reference/create-deploy. The step then follows the deploy until
// it is live or has failed, so the workflow's outcome is the deploy's.
const RENDER_DEPLOY_SCRIPT = [
  'if [[ ! "$RENDER_SERVICE_ID" =~ ^srv-[a-z0-9]+$ ]]; then',
  '  echo "::error::Set the repository variable RENDER_SERVICE_ID to the service ID (srv-...)."',
  '  exit 1',
  'fi',
  'sha="$(git rev-parse HEAD)"',
  'api="https://api.render.com/v1/services/$RENDER_SERVICE_ID/deploys"',
  'auth="Authorization: Bearer $RENDER_API_KEY"',
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
  secrets: ['RENDER_API_KEY'],
  variables: [
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
      location: 'deploy-variable',
    },
  ],
  steps: () => [
    {
      name: 'Deploy the commit on Render',
      env: {
        RENDER_API_KEY: expression('secrets.RENDER_API_KEY'),
        RENDER_SERVICE_ID: expression('vars.RENDER_SERVICE_ID'),
      },
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
