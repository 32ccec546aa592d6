/** `src/moderation/index.ts`: the plugin that stops messages before the bot handles them. */
export const MODERATION_INDEX = `import type { BotPlugin, IncomingMessage } from '../core/index.js';
import { envNumbers } from '../env.js';
import { type RateDecision, RateLimiter } from './rate-limiter.js';
import { WordFilter, readWordList } from './word-filter.js';

export { RateLimiter } from './rate-limiter.js';
export { WordFilter, parseWordList, readWordList } from './word-filter.js';

/**
 * One token for each key of the sender, stopping at the first refusal. The web chat names its
 * client address as well as its session, so a new session from the same address is refused
 * too, and the "told once" state stays with the address.
 */
function takeForSender(limiter: RateLimiter, message: IncomingMessage): RateDecision {
  const keys = message.senderKeys ?? [message.platform + ':' + message.userId];
  let decision: RateDecision = { allowed: true, firstRefusal: false };
  for (const key of keys) {
    decision = limiter.take(key);
    if (!decision.allowed) return decision;
  }
  return decision;
}

/**
 * Rate limit first (a flood costs nothing more), then the word filter. Admins are never
 * rate-limited. A rate-limited user is told once, then ignored until tokens refill.
 */
export function createModerationPlugin({ filter, limiter }: { filter: WordFilter; limiter: RateLimiter }): BotPlugin {
  return {
    name: 'moderation',
    before({ message, t, isAdmin }) {
      const decision = isAdmin ? { allowed: true, firstRefusal: false } : takeForSender(limiter, message);
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
  const { RATE_LIMIT_BURST, RATE_LIMIT_PER_MINUTE } = envNumbers(env);
  return createModerationPlugin({
    filter: new WordFilter(readWordList(env)),
    limiter: new RateLimiter({ capacity: RATE_LIMIT_BURST, refillPerMinute: RATE_LIMIT_PER_MINUTE }),
  });
}
`;
