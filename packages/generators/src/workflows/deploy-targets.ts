import type { BuildConfig } from '@botsmith/shared';
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
}

// The commit to deploy was resolved and checked out by earlier steps; `git rev-parse HEAD`
// names it without interpolating any event field into a script.
const GHCR: TargetDeploy = {
  label: 'GitHub Container Registry',
  permissions: { contents: 'read', packages: 'write' },
  secrets: [],
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
  steps: () => [
    { uses: ACTION_VERSIONS.setupFlyctl },
    {
      name: 'Deploy to Fly.io',
      env: { FLY_API_TOKEN: expression('secrets.FLY_API_TOKEN') },
      run: 'flyctl deploy --remote-only',
    },
  ],
};

const RENDER: TargetDeploy = {
  label: 'Render',
  permissions: { contents: 'read' },
  secrets: ['RENDER_DEPLOY_HOOK_URL'],
  steps: () => [
    {
      name: 'Trigger the Render deploy hook',
      env: { RENDER_DEPLOY_HOOK_URL: expression('secrets.RENDER_DEPLOY_HOOK_URL') },
      // ref asks Render for this exact commit, so a redeploy of an older one is a rollback.
      run: [
        'sha="$(git rev-parse HEAD)"',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: shell parameter expansion
        'curl --fail-with-body --silent --show-error --retry 3 --request POST "${RENDER_DEPLOY_HOOK_URL}&ref=${sha}"',
      ].join('\n'),
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
