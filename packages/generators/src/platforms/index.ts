import type { PlatformId } from '@botsmith/shared';
import type { GeneratorModule } from '../types';
import { cliPlatform } from './cli';
import { discordPlatform } from './discord';
import { slackPlatform } from './slack';
import { telegramPlatform } from './telegram';
import { twitterPlatform } from './twitter';
import { webchatPlatform } from './webchat';
import { whatsappPlatform } from './whatsapp';

/**
 * Platform modules by id, one per platform of the catalog (SPEC §5.1): a catalog platform
 * without a module, or a module filed under another id, does not compile. Every adapter maps
 * its platform's events onto the one bot core; `generate` folds them in this order.
 */
export const PLATFORM_MODULES: { readonly [Id in PlatformId]: GeneratorModule<Id> } = {
  discord: discordPlatform,
  telegram: telegramPlatform,
  whatsapp: whatsappPlatform,
  slack: slackPlatform,
  twitter: twitterPlatform,
  webchat: webchatPlatform,
  cli: cliPlatform,
};
