import { describe, expect, it } from 'vitest';
import { generateFrom } from '../../../test/helpers';

describe('project skeleton', () => {
  it('builds the image with npm by default and prunes dev dependencies', () => {
    const dockerfile = generateFrom().file('Dockerfile');
    expect(dockerfile).toContain('COPY package.json package-lock.json ./');
    expect(dockerfile).toContain('RUN npm ci --no-audit --no-fund\n');
    expect(dockerfile).toContain('RUN npm run build && npm prune --omit=dev');
  });

  it('uses pnpm throughout when chosen: image, README and the frozen lockfile', () => {
    const { file } = generateFrom({ runtime: { packageManager: 'pnpm' } });
    const dockerfile = file('Dockerfile');
    expect(dockerfile).toMatch(/^RUN npm install --global .*pnpm@10$/m);
    expect(dockerfile).toContain('COPY package.json pnpm-lock.yaml ./');
    expect(dockerfile).toContain('RUN pnpm install --frozen-lockfile\n');
    expect(dockerfile).toContain('RUN pnpm run build && pnpm prune --prod');
    const readme = file('README.md');
    expect(readme).toContain('pnpm install --frozen-lockfile\n');
    expect(readme).toContain('`pnpm-lock.yaml` pins every dependency');
    expect(readme).toContain('| `pnpm test` |');
    expect(readme).not.toMatch(/^npm install$/m);
  });

  it('describes the session store actually generated in the layout', () => {
    expect(generateFrom({ features: [] }).file('README.md')).toContain(
      'the `SessionStore` interface, for adding conversation memory later',
    );
    expect(generateFrom({ sessions: { store: 'redis' } }).file('README.md')).toContain(
      'the redis store',
    );
  });
});
