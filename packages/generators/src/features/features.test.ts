import { readdirSync } from 'node:fs';
import { type BuildConfigInput, FEATURE_IDS } from '@botsmith/shared';
import { describe, expect, it } from 'vitest';
import { generateFrom } from '../../test/helpers';

/** The project for a feature list, with what the feature tests look at. */
function projectWith(features: BuildConfigInput['features'], extra: BuildConfigInput = {}) {
  const generated = generateFrom({ ...extra, features });
  const manifest = JSON.parse(generated.file('package.json'));
  return {
    ...generated,
    deps: Object.keys(manifest.dependencies),
    devDeps: Object.keys(manifest.devDependencies),
    env: generated.file('.env.example'),
    app: generated.file('src/app.ts'),
    commands: generated.file('src/commands.ts'),
    readme: generated.file('README.md'),
  };
}

describe('feature modules', () => {
  it('features/ holds one folder per catalog feature and nothing else', () => {
    const folders = readdirSync(import.meta.dirname, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    expect(folders.sort()).toEqual([...FEATURE_IDS].sort());
  });

  it('every catalog feature changes the generated project', () => {
    const base = JSON.stringify(generateFrom({ features: [] }).project);
    for (const feature of FEATURE_IDS) {
      const input: BuildConfigInput = {
        features:
          feature === 'admin'
            ? ['commands', 'admin']
            : feature === 'persistence'
              ? ['sessions', 'persistence']
              : [feature],
        ai: { provider: feature === 'ai' ? 'openai' : 'none' },
      };
      expect(JSON.stringify(generateFrom(input).project), feature).not.toBe(base);
    }
  });

  it('commands: registers /start, /help and /reset with sessions, none without the feature', () => {
    const on = projectWith(['commands', 'sessions']);
    expect(on.commands).toContain('...builtInCommands');
    expect(on.file('src/core/built-in-commands.ts')).toContain('resetCommand');
    expect(projectWith(['commands']).file('src/core/built-in-commands.ts')).not.toContain('reset');
    const off = projectWith([]);
    expect(off.paths).not.toContain('src/core/built-in-commands.ts');
    expect(off.commands).toContain('export const COMMANDS: readonly Command[] = [];');
  });

  it.each([
    ['memory', [], []],
    ['redis', ['redis'], []],
    ['postgres', ['pg'], ['@types/pg']],
  ] as const)('sessions: the %s store brings its client and tests', (store, deps, devDeps) => {
    const project = projectWith(['sessions'], { sessions: { store, ttlSeconds: 300 } });
    expect(project.deps).toEqual(expect.arrayContaining([...deps]));
    expect(project.devDeps).toEqual(expect.arrayContaining([...devDeps]));
    expect(project.file('src/env.ts')).toContain('SESSION_TTL_SECONDS: integer(300, 1, ');
    expect(project.app).toContain("backend.store<Session>('sessions'");
    if (store !== 'memory') {
      expect(project.paths).toContain(`src/sessions/${store}-store.ts`);
      expect(project.paths).toContain(`test/${store}-store.test.ts`);
      expect(project.env).toMatch(store === 'redis' ? /^REDIS_URL=/m : /^DATABASE_URL=/m);
    }
    expect(projectWith([]).paths.some((p) => p.startsWith('src/sessions/memory'))).toBe(false);
  });

  it.each([
    ['openai', 'openai', 'OPENAI_API_KEY'],
    ['anthropic', '@anthropic-ai/sdk', 'ANTHROPIC_API_KEY'],
  ] as const)('ai: %s replies through its official SDK behind AiClient', (provider, dep, key) => {
    const project = projectWith(['ai'], { ai: { provider, systemPrompt: 'Answer "briefly".' } });
    expect(project.deps).toContain(dep);
    expect(project.env).toMatch(new RegExp(`^${key}=$`, 'm'));
    expect(project.paths).toContain(`src/ai/${provider}-client.ts`);
    expect(project.file('src/ai/system-prompt.ts')).toContain(
      'SYSTEM_PROMPT = "Answer \\"briefly\\".";',
    );
    expect(project.app).toContain('aiPlugin(env)');
  });

  it('moderation, analytics and AI plugins run in order: observe, filter, answer', () => {
    const { app, deps } = projectWith(['analytics', 'moderation', 'ai'], {
      ai: { provider: 'anthropic' },
    });
    expect(app).toContain('[analyticsPlugin(env), moderationPlugin(env), aiPlugin(env)]');
    expect(deps).toContain('pino');
  });

  it('i18n: adds Spanish and German catalogs and DEFAULT_LOCALE; English-only without it', () => {
    const on = projectWith(['i18n', 'moderation']);
    for (const locale of ['en', 'es', 'de']) expect(on.paths).toContain(`src/i18n/${locale}.ts`);
    expect(on.file('src/i18n/es.ts')).toContain('"moderation.blocked"');
    expect(on.env).toMatch(/^DEFAULT_LOCALE=en$/m);
    expect(on.app).toContain('defaultLocale: env.DEFAULT_LOCALE');
    const off = projectWith(['moderation']);
    expect(off.paths).not.toContain('src/i18n/es.ts');
    expect(off.file('src/i18n/index.ts')).toContain('export const CATALOGS = { en }');
  });

  it('analytics: pino logs and counters served at /metrics by the health endpoint', () => {
    const with_ = projectWith(['analytics', 'health']);
    expect(with_.file('src/health.ts')).toContain(".get('/metrics'");
    expect(with_.env).toMatch(/^LOG_LEVEL=info$/m);
    expect(projectWith(['health']).file('src/health.ts')).not.toContain('/metrics');
  });

  it('admin: /stats and /broadcast gated by ADMIN_USER_IDS', () => {
    const project = projectWith(['commands', 'admin', 'analytics']);
    expect(project.commands).toContain('...adminCommands');
    expect(project.app).toContain('isAdmin: adminChecker(env)');
    expect(project.app).toContain('parseTargets(env.BROADCAST_TARGETS)');
    expect(project.file('src/admin/commands.ts')).toContain('metrics.snapshot()');
    expect(project.env).toMatch(/^ADMIN_USER_IDS=$/m);
  });

  it('persistence: a preferences namespace, /me and /forgetme, and /lang with i18n', () => {
    const project = projectWith(['commands', 'sessions', 'persistence', 'i18n']);
    expect(project.app).toContain("backend.store<UserPreferences>('preferences'");
    expect(project.file('src/preferences/commands.ts')).toContain('langCommand');
    const noLanguages = projectWith(['commands', 'sessions', 'persistence']);
    expect(noLanguages.file('src/preferences/commands.ts')).not.toContain('lang');
    expect(projectWith(['sessions', 'persistence']).paths).not.toContain(
      'src/preferences/commands.ts',
    );
  });

  it('scheduled: a croner service started by src/index.ts', () => {
    const project = projectWith(['scheduled']);
    expect(project.deps).toContain('croner');
    expect(project.file('src/index.ts')).toContain('scheduledMessagesService');
    expect(project.env).toMatch(/^SCHEDULED_MESSAGES=\[\]$/m);
  });

  it('health: GET /health on PORT as a service', () => {
    expect(projectWith(['health']).file('src/index.ts')).toContain('healthService');
    expect(projectWith([]).paths).not.toContain('src/health.ts');
  });

  it('every feature documents itself in the README', () => {
    const { readme } = projectWith([...FEATURE_IDS], { ai: { provider: 'openai' } });
    for (const title of [
      'Commands',
      'Conversation memory',
      'AI replies',
      'Moderation',
      'Languages',
      'Analytics and logs',
      'Admin commands',
      'User preferences',
      'Scheduled messages',
      'Health endpoint',
    ]) {
      expect(readme).toContain(`## ${title}`);
    }
  });
});
