import { describeSetupKills } from './setup-kills';

// One file per database, so the two slow runs go side by side.
describeSetupKills('postgres');
