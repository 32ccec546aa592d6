import type { PriorityId } from '../catalog/priorities';
import type { BuildConfig } from './build-config';

/** A suggested value for a config field, with the reason shown as "recommended because …". */
export interface Recommendation {
  path: string;
  value: unknown;
  because: string;
}

type Inputs = Pick<BuildConfig, 'priorities' | 'team'>;

const BY_PRIORITY: Record<PriorityId, Recommendation[]> = {
  'time-to-market': [
    {
      path: 'sessions.store',
      value: 'memory',
      because: 'time to market is a priority: no extra service to run',
    },
  ],
  reliability: [
    {
      path: 'sessions.store',
      value: 'redis',
      because: 'reliability is a priority: conversations survive restarts',
    },
    {
      path: 'automation.ci',
      value: true,
      because: 'reliability is a priority: every push is tested',
    },
  ],
  security: [
    {
      path: 'automation.codeql',
      value: true,
      because: 'security is a priority: CodeQL scans every pull request',
    },
    {
      path: 'automation.dependencyReview',
      value: true,
      because: 'security is a priority: vulnerable dependencies are blocked',
    },
  ],
  'low-cost': [
    {
      path: 'deploy.target',
      value: 'render',
      because: 'low cost is a priority: Render has a free web service tier',
    },
  ],
  scalability: [
    {
      path: 'sessions.store',
      value: 'redis',
      because: 'scalability is a priority: several instances share conversation state',
    },
    {
      path: 'deploy.target',
      value: 'docker-ghcr',
      because: 'scalability is a priority: a container image runs anywhere',
    },
  ],
  maintainability: [
    {
      path: 'automation.dependabot',
      value: true,
      because: 'maintainability is a priority: dependencies stay current',
    },
    {
      path: 'automation.release',
      value: true,
      because: 'maintainability is a priority: releases and changelogs are automated',
    },
  ],
};

/**
 * Recommended values for later wizard steps. Higher priorities win where two disagree;
 * team size and complexity add their own.
 */
export function recommendDefaults({ priorities, team }: Inputs): Recommendation[] {
  const chosen = new Map<string, Recommendation>();
  for (const priority of priorities) {
    for (const recommendation of BY_PRIORITY[priority]) {
      if (!chosen.has(recommendation.path)) chosen.set(recommendation.path, recommendation);
    }
  }
  if (team.size !== 'solo' && !chosen.has('automation.ci')) {
    chosen.set('automation.ci', {
      path: 'automation.ci',
      value: true,
      because: 'you work in a team: pull requests are checked before merge',
    });
  }
  if (team.complexity === 'complex' && !chosen.has('sessions.store')) {
    chosen.set('sessions.store', {
      path: 'sessions.store',
      value: 'postgres',
      because: 'the bot is complex: PostgreSQL keeps richer state',
    });
  }
  return [...chosen.values()];
}
