/** `src/scheduled/schedule.ts`: parsing and validating SCHEDULED_MESSAGES. */
export const SCHEDULE = `import { Cron } from 'croner';
import { parseTargets, type Target } from '../core/index.js';

/** One scheduled post: when (a cron expression), where and what. */
export interface ScheduledMessage {
  /** Five or six fields, such as "0 9 * * 1-5" for 09:00 on weekdays. */
  cron: string;
  /** An IANA time zone such as "Europe/Berlin"; the server's by default. */
  timezone?: string;
  targets: Target[];
  text: string;
}

function fail(index: number, problem: string): never {
  throw new Error('SCHEDULED_MESSAGES[' + index + '] ' + problem);
}

/**
 * Parses SCHEDULED_MESSAGES: a JSON array of {"cron", "targets", "text", "timezone"?} objects,
 * where targets is "platform:channelId" or a comma-separated list of them. Every problem is
 * reported at start, naming the entry, rather than when the schedule first fires.
 */
export function parseSchedule(json: string | undefined): ScheduledMessage[] {
  if (!json?.trim()) return [];
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new Error('SCHEDULED_MESSAGES must be a JSON array (see .env.example)');
  }
  if (!Array.isArray(raw)) throw new Error('SCHEDULED_MESSAGES must be a JSON array (see .env.example)');
  return raw.map((entry: unknown, index) => {
    if (typeof entry !== 'object' || entry === null) fail(index, 'must be an object');
    const { cron, targets, text, timezone } = entry as Record<string, unknown>;
    if (typeof cron !== 'string') fail(index, 'needs a "cron" expression');
    if (typeof text !== 'string' || text.trim() === '') fail(index, 'needs a "text"');
    if (typeof targets !== 'string') fail(index, 'needs "targets" such as "discord:123"');
    if (timezone !== undefined && typeof timezone !== 'string') fail(index, '"timezone" must be a string');
    try {
      // Constructing a paused job validates the pattern and time zone without scheduling anything.
      new Cron(cron, { paused: true, ...(timezone ? { timezone } : {}) }).stop();
    } catch (error) {
      fail(index, 'has an invalid cron expression or time zone: ' + (error as Error).message);
    }
    const parsed = parseTargets(targets);
    if (parsed.length === 0) fail(index, 'needs at least one target');
    return { cron, targets: parsed, text, ...(timezone ? { timezone } : {}) };
  });
}
`;

/** `src/scheduled/index.ts`: the service that runs the schedule through the bot's notifiers. */
export const SCHEDULED_INDEX = `import { Cron } from 'croner';
import type { Notifiers } from '../core/index.js';
import { holdLease, leaseStore } from '../lease/index.js';
import { log } from '../log.js';
import type { Service } from '../runtime.js';
import { parseSchedule, type ScheduledMessage } from './schedule.js';

export { parseSchedule, type ScheduledMessage } from './schedule.js';

/** Only the instance holding this lease posts, so two instances never send a post twice. */
export const SCHEDULED_LEASE = 'scheduled-messages';

/**
 * One cron job per scheduled message. A run that is still sending when the next is due is
 * skipped (protect), and a channel that cannot be reached is logged without stopping the rest.
 * isLeader says whether this instance holds the lease; a job firing elsewhere does nothing.
 */
export function scheduleMessages(
  schedule: readonly ScheduledMessage[],
  notifiers: Notifiers,
  isLeader: () => boolean = () => true,
): Cron[] {
  return schedule.map(
    (entry) =>
      new Cron(entry.cron, { protect: true, ...(entry.timezone ? { timezone: entry.timezone } : {}) }, async () => {
        if (!isLeader()) return;
        const failed = await notifiers.sendAll(entry.targets, [{ text: entry.text }]);
        for (const target of failed) {
          log.error('Scheduled message not delivered to ' + target.platform + ':' + target.channelId);
        }
      }),
  );
}

/**
 * Posts SCHEDULED_MESSAGES through the running platforms' notifiers. Started with the other
 * services; targets are looked up when a job fires, so start order does not matter.
 */
export const scheduledMessagesService: Service = {
  name: 'Scheduled messages',
  kind: 'service',
  requiredEnv: [],
  async start(bot, env) {
    const schedule = parseSchedule(env.SCHEDULED_MESSAGES);
    if (schedule.length === 0) return { stop: async () => undefined };
    const lease = holdLease(await leaseStore(env), SCHEDULED_LEASE, {
      onAcquired: () => log.info('Scheduled messages: this instance sends them'),
      onLost: () => log.warn('Scheduled messages: another instance sends them now'),
    });
    const jobs = scheduleMessages(schedule, bot.notifiers, () => lease.held);
    for (const job of jobs) {
      log.info('Scheduled message: next run ' + (job.nextRun()?.toISOString() ?? 'never'));
    }
    return {
      stop: async () => {
        for (const job of jobs) job.stop();
        await lease.stop();
      },
    };
  },
};
`;

/** `test/scheduled.test.ts`: validation and a job firing through a fake notifier. */
export const SCHEDULED_TEST = `import { describe, expect, it } from 'vitest';
import { type Notifier, Notifiers, type Reply } from '../src/core/index.js';
import { parseSchedule, scheduleMessages } from '../src/scheduled/index.js';

describe('scheduled messages', () => {
  it('parses SCHEDULED_MESSAGES with several targets and a time zone', () => {
    const json = JSON.stringify([
      { cron: '0 9 * * 1-5', targets: 'discord:1, discord:2', text: 'Good morning', timezone: 'Europe/Berlin' },
    ]);
    expect(parseSchedule(json)).toEqual([
      {
        cron: '0 9 * * 1-5',
        timezone: 'Europe/Berlin',
        text: 'Good morning',
        targets: [
          { platform: 'discord', channelId: '1' },
          { platform: 'discord', channelId: '2' },
        ],
      },
    ]);
    expect(parseSchedule(undefined)).toEqual([]);
  });

  it('rejects bad entries at start, naming them', () => {
    expect(() => parseSchedule('{')).toThrow(/JSON array/);
    expect(() => parseSchedule('[{"cron":"every day","targets":"discord:1","text":"x"}]')).toThrow(/\\[0\\].*cron/);
    expect(() => parseSchedule('[{"cron":"* * * * *","targets":"discord","text":"x"}]')).toThrow(/platform:channelId/);
    expect(() => parseSchedule('[{"cron":"* * * * *","targets":"discord:1"}]')).toThrow(/text/);
  });

  it('posts through the notifiers when a job fires', async () => {
    const sent: [string, readonly Reply[]][] = [];
    const notifier: Notifier = { platform: 'discord', send: async (id, replies) => void sent.push([id, replies]) };
    const notifiers = new Notifiers();
    notifiers.add(notifier);
    const [job] = scheduleMessages(parseSchedule('[{"cron":"0 0 1 1 *","targets":"discord:42","text":"Happy new year"}]'), notifiers);
    try {
      expect(job?.nextRun()).toBeInstanceOf(Date);
      await job?.trigger();
      expect(sent).toEqual([['42', [{ text: 'Happy new year' }]]]);
    } finally {
      job?.stop();
    }
  });

  it('sends nothing on an instance that does not hold the lease', async () => {
    const sent: string[] = [];
    const notifiers = new Notifiers();
    notifiers.add({ platform: 'discord', send: async (id) => void sent.push(id) });
    const [job] = scheduleMessages(parseSchedule('[{"cron":"0 0 1 1 *","targets":"discord:42","text":"x"}]'), notifiers, () => false);
    try {
      await job?.trigger();
      expect(sent).toEqual([]);
    } finally {
      job?.stop();
    }
  });
});
`;
