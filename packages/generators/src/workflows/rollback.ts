// biome-ignore-all lint/suspicious/noTemplateCurlyInString: shell parameter expansions are literal text here
import type { BuildConfig } from '@botsmith/shared';
import { expression } from '../lib/yaml';
import type { TargetDeploy, TargetHealth } from './deploy-targets';
import { checkoutStep, type Step } from './steps';

/**
 * Health-checked deploys (decision 020): after the deploy, the bot's /health is probed with
 * bounded retries; when the probe fails, the last commit GitHub recorded as successfully
 * deployed to `production` is checked out and deployed again, and the run fails with a summary
 * naming both commits.
 */

export const HEALTH_STEP_ID = 'health';
const LAST_GOOD_STEP_ID = 'last-good';

/** Reading GitHub's deployments of `production` needs this on the deploy job. */
export const ROLLBACK_PERMISSIONS = { deployments: 'read' };

// Roughly a minute of retries (10 × 6 s, each attempt at most 10 s), bounded at two minutes.
const PROBE =
  'curl --fail --silent --show-error --output /dev/null --retry 10 --retry-delay 6 --retry-all-errors --max-time 10 --retry-max-time 120 "$url"';

/**
 * The probe. Its `url` output (the URL's origin) becomes the deployment's environment_url,
 * so it is written before probing. Without a health endpoint, or a URL, it warns and passes.
 */
export function healthStep(config: BuildConfig, health: TargetHealth): Step {
  if (!config.features.includes('health')) {
    return {
      name: "Check the bot's health",
      id: HEALTH_STEP_ID,
      run: 'echo "::warning::This project serves no HTTP health endpoint, so the deploy is not health-checked and cannot roll back by itself."',
    };
  }
  return {
    name: "Check the bot's health",
    id: HEALTH_STEP_ID,
    env: { HEALTH_URL: expression('vars.HEALTH_URL') },
    run: [
      'url="${HEALTH_URL:-}"',
      ...(health.derive
        ? ['if [[ -z "$url" ]]; then', ...health.derive.map((line) => `  ${line}`), 'fi']
        : []),
      'if [[ -z "$url" ]]; then',
      '  echo "::warning::Set the production environment variable HEALTH_URL to the bot\'s /health URL to health-check deploys."',
      '  exit 0',
      'fi',
      'if [[ ! "$url" =~ ^https?://[^[:space:]/]+(/[^[:space:]]*)?$ ]]; then',
      '  echo "::error::HEALTH_URL must be an http(s) URL."',
      '  exit 1',
      'fi',
      'echo "url=$(sed -E \'s#^(https?://[^/]+).*#\\1#\' <<<"$url")" >> "$GITHUB_OUTPUT"',
      `if ! ${PROBE}; then`,
      '  echo "::error::The bot did not answer $url after the deploy."',
      '  exit 1',
      'fi',
      'echo "The bot answers $url"',
    ].join('\n'),
  };
}

// GitHub lists deployments newest first. The one this job is running is still in progress, and
// a deploy that was rolled back ended in failure, so the newest deployment with a `success`
// status and another commit is what last ran well. Only ids and SHAs of the expected shape are
// used; a bounded page of 30 deployments is searched.
const FIND_LAST_GOOD = [
  'failed="$(git rev-parse HEAD)"',
  'echo "failed=$failed" >> "$GITHUB_OUTPUT"',
  'deployments="$(gh api "repos/$GITHUB_REPOSITORY/deployments?environment=production&per_page=30" --jq \'.[] | "\\(.id) \\(.sha)"\')"',
  'good=""',
  'while read -r id sha; do',
  '  if [[ ! "$id" =~ ^[0-9]+$ || ! "$sha" =~ ^[0-9a-f]{40}$ || "$sha" == "$failed" ]]; then continue; fi',
  '  ok="$(gh api "repos/$GITHUB_REPOSITORY/deployments/$id/statuses?per_page=100" --jq \'any(.[]; .state == "success")\')"',
  '  if [[ "$ok" == "true" ]]; then good="$sha"; break; fi',
  'done <<<"$deployments"',
  'if [[ -z "$good" ]]; then',
  '  echo "::error::No earlier successful deploy of production to roll back to."',
  'else',
  '  echo "Rolling back to $good"',
  'fi',
  'echo "sha=$good" >> "$GITHUB_OUTPUT"',
].join('\n');

const SUMMARY = [
  '{',
  "  echo '## Deploy failed its health check'",
  "  echo ''",
  '  printf \'The deploy of `%s` did not answer its health check.\\n\\n\' "$FAILED_SHA"',
  '  if [[ -z "$GOOD_SHA" ]]; then',
  "    echo 'No earlier successful deploy of `production` was found, so nothing was rolled back.'",
  '  elif [[ "$REDEPLOY" == "success" ]]; then',
  '    printf \'It was rolled back to `%s`, the last successful deploy of `production`.\\n\' "$GOOD_SHA"',
  '  else',
  '    printf \'Rolling back to `%s`, the last successful deploy of `production`, did not succeed either (%s): check the host.\\n\' "$GOOD_SHA" "${REDEPLOY:-skipped}"',
  '  fi',
  '} >> "$GITHUB_STEP_SUMMARY"',
  'echo "::error::The deploy of $FAILED_SHA failed its health check${GOOD_SHA:+; rolled back to $GOOD_SHA}."',
  'exit 1',
].join('\n');

/**
 * The steps after a failed probe: find the last good commit, check it out, deliver and deploy
 * it with the target's own steps (under their rollback ids), and summarize.
 */
export function rollbackSteps(
  config: BuildConfig,
  deploy: TargetDeploy,
  deliver: Step | undefined,
): Step[] {
  const probeFailed = `failure() && steps.${HEALTH_STEP_ID}.outcome == 'failure'`;
  const found = `${probeFailed} && steps.${LAST_GOOD_STEP_ID}.outputs.sha != ''`;
  const redeploy = deploy.deploy(config, 'rollback');
  const last = redeploy.at(-1)?.id;
  return [
    {
      name: 'Find the last successful deploy',
      id: LAST_GOOD_STEP_ID,
      if: probeFailed,
      env: { GH_TOKEN: expression('github.token') },
      run: FIND_LAST_GOOD,
    },
    {
      name: 'Check out the last successful deploy',
      if: found,
      ...checkoutStep(expression(`steps.${LAST_GOOD_STEP_ID}.outputs.sha`)),
    },
    ...[...(deliver ? [deliver] : []), ...redeploy].map(({ name, ...step }) => ({
      ...(name ? { name: `Roll back: ${String(name)}` } : {}),
      if: found,
      ...step,
    })),
    {
      name: 'Summarize the rollback',
      if: probeFailed,
      env: {
        FAILED_SHA: expression(`steps.${LAST_GOOD_STEP_ID}.outputs.failed`),
        GOOD_SHA: expression(`steps.${LAST_GOOD_STEP_ID}.outputs.sha`),
        ...(last ? { REDEPLOY: expression(`steps.${String(last)}.outcome`) } : {}),
      },
      run: SUMMARY,
    },
  ];
}
