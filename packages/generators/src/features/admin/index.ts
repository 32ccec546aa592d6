import type { FeatureModule, MessageCatalog } from '../../types';
import { ADMIN_INDEX, adminCommandsSource } from './sources';
import { adminTest } from './tests';

const MESSAGES: MessageCatalog = {
  'stats.description': {
    en: 'Show bot statistics (admins only)',
    es: 'Mostrar estadísticas del bot (solo administradores)',
    de: 'Bot-Statistiken anzeigen (nur Admins)',
  },
  'stats.counters': {
    en: 'Messages: {messages}, commands: {commands}, errors: {errors}, blocked: {blocked}. Up {uptimeSeconds} s.',
    es: 'Mensajes: {messages}, comandos: {commands}, errores: {errors}, bloqueados: {blocked}. Activo {uptimeSeconds} s.',
    de: 'Nachrichten: {messages}, Befehle: {commands}, Fehler: {errors}, blockiert: {blocked}. Läuft seit {uptimeSeconds} s.',
  },
  'stats.process': {
    en: 'Up {uptimeSeconds} s, using {memoryMb} MB of memory.',
    es: 'Activo {uptimeSeconds} s, usando {memoryMb} MB de memoria.',
    de: 'Läuft seit {uptimeSeconds} s und belegt {memoryMb} MB Speicher.',
  },
  'broadcast.description': {
    en: 'Post a message to the announcement channels (admins only)',
    es: 'Publicar un mensaje en los canales de anuncios (solo administradores)',
    de: 'Eine Nachricht in den Ankündigungskanälen posten (nur Admins)',
  },
  'broadcast.usage': {
    en: 'Write the message after the command: /broadcast Hello everyone',
    es: 'Escribe el mensaje después del comando: /broadcast Hola a todos',
    de: 'Schreibe die Nachricht hinter den Befehl: /broadcast Hallo zusammen',
  },
  'broadcast.noTargets': {
    en: 'No announcement channels are configured (BROADCAST_TARGETS).',
    es: 'No hay canales de anuncios configurados (BROADCAST_TARGETS).',
    de: 'Es sind keine Ankündigungskanäle konfiguriert (BROADCAST_TARGETS).',
  },
  'broadcast.sent': {
    en: 'Posted to {count} channel(s).',
    es: 'Publicado en {count} canal(es).',
    de: 'In {count} Kanal/Kanälen gepostet.',
  },
  'broadcast.failed': {
    en: 'Could not post to: {targets}',
    es: 'No se pudo publicar en: {targets}',
    de: 'Konnte nicht posten in: {targets}',
  },
};

/**
 * Admin commands: `/stats` and `/broadcast`, registered as admin-only so the core refuses them
 * to anyone not in `ADMIN_USER_IDS` and `/help` hides them. Requires the commands feature.
 */
export const adminFeature: FeatureModule<'admin'> = {
  id: 'admin',
  label: 'Admin commands',
  contribute: (config) => {
    const withMetrics = config.features.includes('analytics');
    return {
      files: [
        { path: 'src/admin/commands.ts', content: adminCommandsSource(withMetrics) },
        { path: 'src/admin/index.ts', content: ADMIN_INDEX },
        { path: 'test/admin.test.ts', content: adminTest(withMetrics) },
      ],
      commands: [{ module: 'admin/index', exportName: 'adminCommands' }],
      messages: MESSAGES,
      envVars: [
        {
          name: 'ADMIN_USER_IDS',
          description:
            'Comma-separated platform:userId entries allowed to run admin commands, such as discord:123456789012345678.',
          required: false,
        },
        {
          name: 'BROADCAST_TARGETS',
          description:
            'Comma-separated platform:channelId entries /broadcast posts to, such as discord:123456789012345678.',
          required: false,
        },
      ],
      readme: [
        {
          order: 63,
          title: 'Admin commands',
          body: [
            'Users listed in `ADMIN_USER_IDS` (`platform:userId`, comma-separated) may run:',
            '',
            `- \`/stats\`: ${withMetrics ? 'message, command, error and blocked counters' : 'uptime and memory use'}.`,
            '- `/broadcast <message>`: posts the message to every `BROADCAST_TARGETS` channel (`platform:channelId`) through the running platforms.',
            '',
            'Everyone else is refused, and `/help` does not list these commands to them. On Discord they are also hidden from members without the Administrator permission until a server admin grants them.',
          ].join('\n'),
        },
      ],
    };
  },
};
