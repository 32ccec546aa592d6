import type {
  AI_PROVIDERS,
  COMPLEXITIES,
  DEPLOY_TARGETS,
  LICENSES,
  NODE_VERSIONS,
  PACKAGE_MANAGERS,
  SESSION_STORES,
  TEAM_SIZES,
} from '@botsmith/shared';

type Labels<T extends readonly string[]> = Record<T[number], string>;

export const SESSION_STORE_LABELS: Labels<typeof SESSION_STORES> = {
  memory: 'In memory',
  redis: 'Redis',
  postgres: 'PostgreSQL',
};

export const DEPLOY_TARGET_LABELS: Labels<typeof DEPLOY_TARGETS> = {
  none: 'None (deploy it yourself)',
  'docker-ghcr': 'Docker image on GitHub Container Registry',
  railway: 'Railway',
  fly: 'Fly.io',
  render: 'Render',
};

export const AI_PROVIDER_LABELS: Labels<typeof AI_PROVIDERS> = {
  none: 'None',
  openai: 'OpenAI',
  anthropic: 'Anthropic',
};

export const LICENSE_LABELS: Labels<typeof LICENSES> = {
  MIT: 'MIT',
  'Apache-2.0': 'Apache 2.0',
  ISC: 'ISC',
  'GPL-3.0-only': 'GPL 3.0',
  UNLICENSED: 'Proprietary (unlicensed)',
};

export const NODE_VERSION_LABELS: Labels<typeof NODE_VERSIONS> = {
  '22': 'Node.js 22 (LTS, oldest supported)',
  '24': 'Node.js 24 (LTS, recommended)',
  '26': 'Node.js 26 (LTS, newest)',
};

export const PACKAGE_MANAGER_LABELS: Labels<typeof PACKAGE_MANAGERS> = {
  npm: 'npm',
  pnpm: 'pnpm',
};

export const TEAM_SIZE_LABELS: Labels<typeof TEAM_SIZES> = {
  solo: 'Just me',
  small: 'Small team (2–5)',
  medium: 'Medium team (6–20)',
  large: 'Large team (20+)',
};

export const COMPLEXITY_LABELS: Labels<typeof COMPLEXITIES> = {
  simple: 'Simple',
  moderate: 'Moderate',
  complex: 'Complex',
};

export const AUTOMATION_LABELS = {
  ci: { label: 'CI', description: 'Type-check, lint and test every push and pull request.' },
  deploy: { label: 'Deploy', description: 'Deploy to the chosen target after CI passes.' },
  codeql: { label: 'CodeQL', description: 'GitHub code scanning for security problems.' },
  dependencyReview: {
    label: 'Dependency review',
    description: 'Block pull requests that add vulnerable dependencies.',
  },
  release: {
    label: 'Release',
    description: 'Versioned releases and changelogs via release-please.',
  },
  dependabot: {
    label: 'Dependabot',
    description: 'Weekly update pull requests for npm and Actions.',
  },
} as const;

/** Human words for a recommended value at a config path. */
export function describeValue(path: string, value: unknown): string {
  const tables: Record<string, Record<string, string>> = {
    'sessions.store': SESSION_STORE_LABELS,
    'deploy.target': DEPLOY_TARGET_LABELS,
  };
  if (typeof value === 'boolean') return value ? 'turn on' : 'turn off';
  return tables[path]?.[String(value)] ?? String(value);
}

/** Human words for a config path a recommendation concerns. */
export function describePath(path: string): string {
  const [group, key] = path.split('.');
  if (group === 'automation' && key && key in AUTOMATION_LABELS) {
    return `${AUTOMATION_LABELS[key as keyof typeof AUTOMATION_LABELS].label} workflow`;
  }
  const names: Record<string, string> = {
    'sessions.store': 'Session store',
    'deploy.target': 'Deploy target',
  };
  return names[path] ?? path;
}
