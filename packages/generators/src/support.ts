import type { BuildConfig, ConfigIssue } from '@botsmith/shared';
import { PLATFORM_MODULES } from './platforms';

// What this generator version can produce beyond the platform modules. Everything else is
// reported, never silently left out of the project.
const SUPPORTED_FEATURES = new Set<string>([
  'commands',
  'sessions',
  'health',
  'ai',
  'moderation',
  'i18n',
  'scheduled',
  'analytics',
  'admin',
  'persistence',
]);
const SUPPORTED_AUTOMATION = new Set<string>([
  'ci',
  'dependabot',
  'deploy',
  'codeql',
  'dependencyReview',
  'release',
]);

function issue(path: string, message: string): ConfigIssue {
  return { path, message, step: path === 'platforms' || path.startsWith('platforms.') ? 1 : 4 };
}

/**
 * Parts of a valid config this generator version cannot produce yet, as issues naming the
 * field (the same shape as schema issues). Empty when `generate(config)` will succeed.
 *
 * @example unsupportedConfigIssues(buildConfigSchema.parse({})) // []
 */
export function unsupportedConfigIssues(config: BuildConfig): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  config.platforms.forEach((platform, index) => {
    if (!PLATFORM_MODULES[platform]) {
      issues.push(issue(`platforms.${index}`, `the ${platform} platform is not supported yet`));
    }
  });
  config.features.forEach((feature, index) => {
    if (!SUPPORTED_FEATURES.has(feature)) {
      issues.push({
        path: `features.${index}`,
        message: `the "${feature}" feature is not supported yet`,
        step: 3,
      });
    }
  });
  for (const [name, enabled] of Object.entries(config.automation)) {
    if (enabled && !SUPPORTED_AUTOMATION.has(name)) {
      issues.push(issue(`automation.${name}`, `the ${name} automation is not supported yet`));
    }
  }
  return issues;
}

/** Thrown by `generate` for a valid config that asks for something not supported yet. */
export class UnsupportedConfigError extends Error {
  constructor(readonly issues: readonly ConfigIssue[]) {
    super(
      `This generator version cannot produce: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
    );
    this.name = 'UnsupportedConfigError';
  }
}
