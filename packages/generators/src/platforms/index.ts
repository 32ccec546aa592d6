import type { PlatformId } from '@botsmith/shared';
import type { GeneratorModule } from '../types';
import { discordPlatform } from './discord';

/**
 * Platform modules by id. A platform missing here is reported by `unsupportedConfigIssues`
 * instead of being silently left out; adding one is one module and one line.
 */
export const PLATFORM_MODULES: Partial<Record<PlatformId, GeneratorModule>> = {
  discord: discordPlatform,
};
