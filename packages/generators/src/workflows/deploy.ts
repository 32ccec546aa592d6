import type { BuildConfig, LedgerEntry, RuntimeLedger } from '@botsmith/shared';
import { expression } from '../lib/yaml';
import type { GeneratorModule } from '../types';
import { CI_WORKFLOW_NAME } from './ci';
import { composeFile } from './compose';
import { deployReadme } from './deploy-readme';
import { DEPLOY_TARGETS, type DeployTarget, type TargetDeploy } from './deploy-targets';
import { flyToml } from './fly-toml';
import { HEALTH_STEP_ID, healthStep, ROLLBACK_PERMISSIONS, rollbackSteps } from './rollback';
import { checkoutStep, type Step, setupNodeSteps, verifySteps } from './steps';

// Event fields reach the script only through env and are checked before use: a branch name
// is attacker-controlled text, and a ref starting with "-" could pass as a git option.
const CHOOSE_COMMIT: Step = {
  name: 'Choose the commit to deploy',
  id: 'commit',
  env: {
    INPUT_REF: expression('inputs.ref'),
    RUN_SHA: expression('github.event.workflow_run.head_sha'),
  },
  run: [
    // biome-ignore lint/suspicious/noTemplateCurlyInString: shell parameter expansion
    'ref="${RUN_SHA:-${INPUT_REF:-$GITHUB_SHA}}"',
    'if [[ ! "$ref" =~ ^[A-Za-z0-9][A-Za-z0-9._/-]{0,199}$ ]]; then',
    '  echo "::error::The ref to deploy must be a branch, tag or commit SHA."',
    '  exit 1',
    'fi',
    'echo "ref=$ref" >> "$GITHUB_OUTPUT"',
  ].join('\n'),
};

const CHECKOUT_CHOSEN = checkoutStep(expression('steps.commit.outputs.ref'));

// Only a successful CI run of a push to the default branch of this repository deploys: a pull
// request from a fork can have a branch called "main" too.
const CI_PASSED = [
  "github.event_name == 'workflow_dispatch'",
  "(github.event.workflow_run.conclusion == 'success' && github.event.workflow_run.event == 'push' && github.event.workflow_run.head_branch == github.event.repository.default_branch && github.event.workflow_run.head_repository.full_name == github.repository)",
].join(' || ');

/**
 * The deploy workflow: after CI succeeds on the default branch (`workflow_run`), or on demand
 * for any commit (`workflow_dispatch` with `ref`: redeploy an old commit to roll back). Runs in
 * the `production` environment, one deploy at a time, never cancelled halfway. Without the CI
 * workflow it runs on push and tests the commit itself first.
 */
export function deployWorkflow(
  config: BuildConfig,
  target: DeployTarget,
  ledger: RuntimeLedger,
): Record<string, unknown> {
  const deploy = DEPLOY_TARGETS[target];
  const gatedOnCi = config.automation.ci;
  const dispatch = {
    inputs: {
      ref: {
        description: 'Commit SHA, tag or branch to deploy; empty deploys the default branch',
        required: false,
        type: 'string',
        default: '',
      },
    },
  };
  const verify = {
    name: 'Test before deploying',
    'runs-on': 'ubuntu-latest',
    'timeout-minutes': 15,
    steps: [
      CHOOSE_COMMIT,
      CHECKOUT_CHOSEN,
      ...setupNodeSteps(config, config.runtime.nodeVersion),
      ...verifySteps(config),
    ],
  };
  return {
    name: 'Deploy',
    on: gatedOnCi
      ? {
          workflow_run: { workflows: [CI_WORKFLOW_NAME], types: ['completed'], branches: ['main'] },
          workflow_dispatch: dispatch,
        }
      : { push: { branches: ['main'] }, workflow_dispatch: dispatch },
    permissions: { contents: 'read' },
    concurrency: { group: 'deploy-production', 'cancel-in-progress': false },
    jobs: {
      ...(gatedOnCi ? {} : { verify }),
      deploy: {
        name: `Deploy to ${deploy.label}`,
        ...(gatedOnCi ? { if: CI_PASSED } : { needs: 'verify' }),
        'runs-on': 'ubuntu-latest',
        'timeout-minutes': 20,
        ...deployJob(
          config,
          deploy,
          ledger.filter((entry) => entry.location === 'runtime'),
        ),
      },
    },
  };
}

/**
 * The deploy job's environment, permissions and steps: deliver the runtime values to the host,
 * deploy, then (when the project serves /health) probe it and roll back on failure.
 */
function deployJob(
  config: BuildConfig,
  deploy: TargetDeploy,
  runtime: readonly LedgerEntry[],
): Record<string, unknown> {
  const deliver = deploy.deliver?.(runtime);
  const probed = deploy.health !== undefined && config.features.includes('health');
  // GitHub records the URL on the deployment (environment_url): the dashboard shows it.
  const url = probed ? expression(`steps.${HEALTH_STEP_ID}.outputs.url`) : deploy.environmentUrl;
  return {
    environment: { name: 'production', ...(url ? { url } : {}) },
    permissions: { ...deploy.permissions, ...(probed ? ROLLBACK_PERMISSIONS : {}) },
    steps: [
      CHOOSE_COMMIT,
      CHECKOUT_CHOSEN,
      ...deploy.setup(config),
      ...(deliver ? [deliver] : []),
      ...deploy.deploy(config, 'deploy'),
      ...(deploy.health ? [healthStep(config, deploy.health)] : []),
      ...(probed ? rollbackSteps(config, deploy, deliver) : []),
    ],
  };
}

function targetOf(config: BuildConfig): DeployTarget | undefined {
  return config.deploy.target === 'none' ? undefined : config.deploy.target;
}

/**
 * The deploy target: `fly.toml` for Fly.io and the README's deploy section whenever a target is
 * chosen, and `.github/workflows/deploy.yml` when the deploy automation is chosen too.
 */
export const deployModule: GeneratorModule<'deploy'> = {
  id: 'deploy',
  label: 'Deployment',
  enabled: (config) => targetOf(config) !== undefined,
  contribute: (config) => {
    const target = targetOf(config);
    if (!target) return {};
    const withWorkflow = config.automation.deploy;
    const files =
      target === 'fly'
        ? [{ path: 'fly.toml', content: flyToml(config) }]
        : target === 'docker-ghcr' && withWorkflow
          ? [{ path: 'compose.yaml', content: composeFile(config) }]
          : [];
    return {
      files,
      ledgerWorkflows: (ledger) =>
        withWorkflow ? [{ name: 'deploy', workflow: deployWorkflow(config, target, ledger) }] : [],
      readme: [deployReadme(config, target, DEPLOY_TARGETS[target], withWorkflow)],
      deployVariables: withWorkflow
        ? DEPLOY_TARGETS[target].variables(config).map((variable) => ({
            ...variable,
            neededBy: { kind: 'deploy', id: target, label: DEPLOY_TARGETS[target].label },
          }))
        : [],
    };
  },
};
