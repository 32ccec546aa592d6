import { describe, expect, it } from 'vitest';
import {
  getAtPath,
  movePriority,
  requiredBy,
  setAtPath,
  toggleFeature,
  togglePlatform,
  togglePriority,
} from './config-edits';
import { defaultConfig } from './wizard-state';

const base = { ...defaultConfig(), features: [], priorities: [] } as ReturnType<
  typeof defaultConfig
>;

describe('config edits', () => {
  it('keeps platforms in catalog order', () => {
    const config = togglePlatform(togglePlatform(base, 'cli', true), 'telegram', true);
    expect(config.platforms).toEqual(['discord', 'telegram', 'cli']);
    expect(togglePlatform(config, 'discord', false).platforms).toEqual(['telegram', 'cli']);
  });

  it('moves default features to the new platforms’ defaults, and keeps picked ones', () => {
    const cliOnly = togglePlatform(togglePlatform(defaultConfig(), 'cli', true), 'discord', false);
    expect(cliOnly.features).toEqual(['commands', 'sessions']);
    expect(togglePlatform(cliOnly, 'slack', true).features).toEqual([
      'commands',
      'sessions',
      'health',
    ]);
    const picked = { ...defaultConfig(), features: ['ai' as const] };
    expect(togglePlatform(picked, 'cli', true).features).toEqual(['ai']);
  });

  it('ranks priorities in the order they are picked and moves them', () => {
    let config = togglePriority(base, 'security', true);
    config = togglePriority(config, 'low-cost', true);
    config = togglePriority(config, 'reliability', true);
    expect(config.priorities).toEqual(['security', 'low-cost', 'reliability']);
    config = movePriority(config, 'reliability', -1);
    expect(config.priorities).toEqual(['security', 'reliability', 'low-cost']);
    expect(movePriority(config, 'security', -1)).toBe(config);
    expect(movePriority(config, 'low-cost', 1)).toBe(config);
    expect(togglePriority(config, 'security', false).priorities).toEqual([
      'reliability',
      'low-cost',
    ]);
  });

  it('adds what a feature requires and knows what needs a feature', () => {
    const config = toggleFeature(base, 'admin', true);
    expect(config.features).toEqual(['commands', 'admin']);
    expect(requiredBy(config.features, 'commands')).toEqual(['admin']);
    expect(requiredBy(config.features, 'admin')).toEqual([]);
    expect(toggleFeature(config, 'admin', false).features).toEqual(['commands']);
  });

  it('picks an AI provider when AI replies are turned on', () => {
    expect(toggleFeature(base, 'ai', true).ai.provider).toBe('openai');
    const anthropic = { ...base, ai: { ...base.ai, provider: 'anthropic' as const } };
    expect(toggleFeature(anthropic, 'ai', true).ai.provider).toBe('anthropic');
  });

  it('reads and writes dotted paths without touching the original', () => {
    const config = setAtPath(base, 'sessions.store', 'redis');
    expect(getAtPath(config, 'sessions.store')).toBe('redis');
    expect(config.sessions.ttlSeconds).toBe(base.sessions.ttlSeconds);
    expect(base.sessions.store).toBe('memory');
    expect(getAtPath(config, 'nope.deeper')).toBeUndefined();
  });
});
