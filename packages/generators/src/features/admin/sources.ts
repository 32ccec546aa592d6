import { source } from '../../lib/text';

/** `src/admin/index.ts`: who the admins are. */
export const ADMIN_INDEX = `import type { IncomingMessage } from '../core/index.js';
import { log } from '../log.js';

export { adminCommands, broadcastCommand, statsCommand } from './commands.js';

/**
 * Admin ids from ADMIN_USER_IDS: comma-separated "platform:userId" entries, because user ids
 * are only unique within one platform ("discord:123456789012345678").
 */
export function parseAdminIds(list: string | undefined): Set<string> {
  const ids = (list ?? '').split(',').map((entry) => entry.trim()).filter((entry) => entry !== '');
  for (const id of ids) {
    if (!/^[a-z]+:.+$/.test(id)) {
      throw new Error('ADMIN_USER_IDS entries must look like "platform:userId", got ' + JSON.stringify(id));
    }
  }
  return new Set(ids);
}

/** The isAdmin check src/app.ts gives the bot; with no ids configured nobody is an admin. */
export function adminChecker(env: NodeJS.ProcessEnv): (message: IncomingMessage) => boolean {
  const admins = parseAdminIds(env.ADMIN_USER_IDS);
  if (admins.size === 0) log.warn('ADMIN_USER_IDS is empty: admin commands are refused to everyone.');
  return (message) => admins.has(message.platform + ':' + message.userId);
}
`;

/** `src/admin/commands.ts`: /stats and /broadcast, both admin-only. */
export function adminCommandsSource(withMetrics: boolean): string {
  return source(
    withMetrics && "import { metrics } from '../analytics/index.js';",
    "import type { Command } from '../core/index.js';",
    '',
    withMetrics
      ? '/** /stats: the analytics counters since the process started. */'
      : '/** /stats: uptime and memory of the process (add analytics for message counters). */',
    'export const statsCommand: Command = {',
    "  name: 'stats',",
    '  private: true,',
    "  description: 'Show bot statistics (admins only)',",
    "  descriptionKey: 'stats.description',",
    '  adminOnly: true,',
    withMetrics && "  run: ({ t }) => [{ text: t('stats.counters', { ...metrics.snapshot() }) }],",
    !withMetrics && '  run: ({ t }) => [',
    !withMetrics && '    {',
    !withMetrics && "      text: t('stats.process', {",
    !withMetrics && '        uptimeSeconds: Math.floor(process.uptime()),',
    !withMetrics && '        memoryMb: Math.round(process.memoryUsage().rss / 1_048_576),',
    !withMetrics && '      }),',
    !withMetrics && '    },',
    !withMetrics && '  ],',
    '};',
    '',
    '/** /broadcast <message>: posts to every BROADCAST_TARGETS channel through the running platforms. */',
    'export const broadcastCommand: Command = {',
    "  name: 'broadcast',",
    "  description: 'Post a message to the announcement channels (admins only)',",
    "  descriptionKey: 'broadcast.description',",
    "  argument: { name: 'message', description: 'What to post', required: true },",
    '  adminOnly: true,',
    '  run: async ({ args, notifiers, t }) => {',
    "    if (args === '') return [{ text: t('broadcast.usage') }];",
    '    const targets = notifiers.broadcastTargets;',
    "    if (targets.length === 0) return [{ text: t('broadcast.noTargets') }];",
    '    const failed = await notifiers.sendAll(targets, [{ text: args }]);',
    "    if (failed.length === 0) return [{ text: t('broadcast.sent', { count: targets.length }) }];",
    "    const list = failed.map((target) => target.platform + ':' + target.channelId).join(', ');",
    "    return [{ text: t('broadcast.failed', { targets: list }) }];",
    '  },',
    '};',
    '',
    '/** Commands only ADMIN_USER_IDS may run. */',
    'export const adminCommands: readonly Command[] = [statsCommand, broadcastCommand];',
  );
}
