/** `src/moderation/index.ts`: the plugin that stops messages before the bot handles them. */
export const MODERATION_INDEX = `import type { BotPlugin } from '../core/index.js';
import { RateLimiter } from './rate-limiter.js';
import { WordFilter, readWordList } from './word-filter.js';

export { RateLimiter } from './rate-limiter.js';
export { WordFilter, parseWordList, readWordList } from './word-filter.js';

function positiveNumber(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    throw new Error(name + ' must be a positive number, got ' + JSON.stringify(raw));
  }
  return value;
}

/**
 * Rate limit first (a flood costs nothing more), then the word filter. Admins are never
 * rate-limited. A rate-limited user is told once, then ignored until tokens refill.
 */
export function createModerationPlugin({ filter, limiter }: { filter: WordFilter; limiter: RateLimiter }): BotPlugin {
  return {
    name: 'moderation',
    before({ message, t, isAdmin }) {
      const decision = isAdmin ? { allowed: true, firstRefusal: false } : limiter.take(message.platform + ':' + message.userId);
      if (!decision.allowed) {
        return { reason: 'rate-limit', replies: decision.firstRefusal ? [{ text: t('moderation.rateLimited') }] : [] };
      }
      if (filter.find(message.text) !== undefined) {
        return { reason: 'word-filter', replies: [{ text: t('moderation.blocked') }] };
      }
      return undefined;
    },
  };
}

/** The plugin src/app.ts installs, from BLOCKED_WORDS(_FILE) and RATE_LIMIT_* variables. */
export function moderationPlugin(env: NodeJS.ProcessEnv): BotPlugin {
  return createModerationPlugin({
    filter: new WordFilter(readWordList(env)),
    limiter: new RateLimiter({
      capacity: positiveNumber(env, 'RATE_LIMIT_BURST', 5),
      refillPerMinute: positiveNumber(env, 'RATE_LIMIT_PER_MINUTE', 20),
    }),
  });
}
`;
