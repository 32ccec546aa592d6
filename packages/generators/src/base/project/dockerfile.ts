import type { BuildConfig } from '@botsmith/shared';
import { INSTALL_PNPM, packageManagerOf } from '../../lib/package-manager';
import { source } from '../../lib/text';
import { NODE_RUNTIMES } from '../../versions';
import { needsHttpServer } from '../http';

// The slim images have no curl, so the health check uses Node's own fetch. Exported for
// compose.yaml, which states the same check.
export const HEALTHCHECK_COMMAND = [
  'node',
  '-e',
  "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/health').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))",
] as const;

const HEALTHCHECK = `HEALTHCHECK --interval=30s --timeout=5s --start-period=20s CMD [${HEALTHCHECK_COMMAND.map((part) => JSON.stringify(part)).join(', ')}]`;

/**
 * A multi-stage Dockerfile: compile with dev dependencies, ship only production dependencies
 * and `dist/`, run as the unprivileged `node` user. Only validated enum values go in here
 * (SPEC §5: no user text in Dockerfiles).
 */
export function dockerfile(config: BuildConfig): string {
  const image = NODE_RUNTIMES[config.runtime.nodeVersion].image;
  const health = config.features.includes('health');
  const pm = packageManagerOf(config);
  const pnpm = pm.name === 'pnpm';
  return source(
    '# syntax=docker/dockerfile:1',
    '',
    '# Build stage: install every dependency and compile TypeScript to dist/.',
    `FROM ${image} AS build`,
    'WORKDIR /app',
    pnpm && `RUN ${INSTALL_PNPM}`,
    `COPY package.json ${pm.lockfile} ./`,
    `RUN ${pm.install}`,
    'COPY tsconfig.json tsconfig.build.json ./',
    'COPY src ./src',
    `RUN ${pm.run('build')} && ${pm.pruneProduction}`,
    '',
    '# Runtime stage: production dependencies and compiled code only. Files stay owned by root',
    '# and the process runs as the unprivileged "node" user, so it cannot modify its own code.',
    `FROM ${image}`,
    'ENV NODE_ENV=production',
    'WORKDIR /app',
    'COPY --from=build /app/package.json ./',
    'COPY --from=build /app/node_modules ./node_modules',
    'COPY --from=build /app/dist ./dist',
    'USER node',
    needsHttpServer(config) && 'EXPOSE 3000',
    health && HEALTHCHECK,
    'CMD ["node", "dist/index.js"]',
  );
}
