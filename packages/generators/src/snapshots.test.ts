import { createHash } from 'node:crypto';
import {
  type BuildConfigInput,
  buildConfigSchema,
  FEATURE_IDS,
  PLATFORM_IDS,
} from '@botsmith/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { choicesArbitrary } from '../test/arbitrary-config';
import { type GeneratedProject, generate, toZip } from './index';

// SPEC §5: output is deterministic. Golden snapshots are compact on purpose — one line per file
// with its SHA-256, plus the full package.json, CI and deploy workflows — so a change to any file
// shows up in review, and accepting a deliberate change (or a merged feature) is one `vitest -u`.

/** Representative configs. */
const GOLDEN: Record<string, BuildConfigInput> = {
  default: {},
  'telegram-webchat-sessions': {
    platforms: ['telegram', 'webchat'],
    features: ['commands', 'sessions', 'health'],
    sessions: { ttlSeconds: 3600 },
    project: { name: 'support-bot', displayName: 'Support Bot', license: 'Apache-2.0' },
  },
  'all-seven-platforms': { platforms: [...PLATFORM_IDS] },
  'slack-render-deploy': {
    platforms: ['slack'],
    deploy: { target: 'render' },
    automation: { deploy: true, dependabot: true },
  },
  maximal: {
    platforms: [...PLATFORM_IDS],
    features: [...FEATURE_IDS],
    ai: { provider: 'anthropic' },
    sessions: { store: 'postgres' },
    deploy: { target: 'docker-ghcr' },
    runtime: { nodeVersion: '24' },
    automation: { deploy: true, codeql: true, dependencyReview: true, release: true },
  },
};

const sha256 = (content: string | Uint8Array) => createHash('sha256').update(content).digest('hex');

/** Sorted `path  sha256` lines, then the full text of the files worth reading in a diff. */
function manifest(project: GeneratedProject): string {
  const lines = project.files
    .map((f) => `${f.path}  ${sha256(f.content)}`)
    .sort((a, b) => (a < b ? -1 : 1));
  const shown = [
    'package.json',
    '.github/workflows/ci.yml',
    '.github/workflows/deploy.yml',
  ].flatMap((path) => {
    const file = project.files.find((f) => f.path === path);
    return file ? [`\n===== ${path}\n${file.content}`] : [];
  });
  return `${lines.join('\n')}\n${shown.join('')}`;
}

function projectOf(input: BuildConfigInput): GeneratedProject {
  return generate(buildConfigSchema.parse(input));
}

describe('deterministic output', () => {
  it.each(Object.entries(GOLDEN))(
    '%s: same config twice gives identical files and zips',
    (_, input) => {
      const config = buildConfigSchema.parse(input);
      const first = generate(config);
      // A deep copy with every key in reverse order: key order must not matter either.
      const reversed = JSON.parse(JSON.stringify(config), (_key, value) =>
        value && typeof value === 'object' && !Array.isArray(value)
          ? Object.fromEntries(Object.entries(value).reverse())
          : value,
      );
      const second = generate(buildConfigSchema.parse(reversed));
      expect(second).toStrictEqual(first);
      expect(sha256(toZip(second))).toBe(sha256(toZip(first)));
    },
  );

  it('holds for arbitrary configs from the catalogs', () => {
    fc.assert(
      fc.property(choicesArbitrary, (input) => {
        const config = buildConfigSchema.parse(input);
        const first = generate(config);
        const second = generate(structuredClone(config));
        expect(second).toStrictEqual(first);
        expect(Buffer.from(toZip(second)).equals(Buffer.from(toZip(first)))).toBe(true);
      }),
      { numRuns: 50, seed: 7 },
    );
  });
});

describe('golden snapshots', () => {
  it.each(Object.keys(GOLDEN))('%s', async (name) => {
    const input = GOLDEN[name] ?? {};
    await expect(manifest(projectOf(input))).toMatchFileSnapshot(
      `__snapshots__/${name}/manifest.txt`,
    );
  });
});
