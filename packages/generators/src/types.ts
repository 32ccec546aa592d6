import type {
  BuildConfig,
  FeatureId,
  LedgerEntry,
  LedgerInteger,
  NextStep,
  RuntimeLedger,
} from '@botsmith/shared';
import type { DependencyName } from './versions';

/** One generated file: a POSIX path relative to the project root and its UTF-8 text. */
export interface GeneratedFile {
  path: string;
  content: string;
}

/**
 * The whole generated project: files sorted by path, the runtime ledger (every variable the
 * project uses and where it must live; also recorded in `.botsmith.json`) and what is left to
 * do outside GitHub once it is deployed.
 */
export interface GeneratedProject {
  files: GeneratedFile[];
  ledger: RuntimeLedger;
  nextSteps: NextStep[];
}

/** An environment variable the generated project reads; every one lands in `.env.example`. */
export interface EnvVar {
  name: string;
  /** One line shown as a comment above the variable. Generator-authored, never user text. */
  description: string;
  /** Value written into `.env.example`; empty for secrets. */
  example?: string;
  required: boolean;
  /** A credential: sealed in the browser, stored as a secret, never shown back. */
  secret?: boolean;
  /** Where to get the value. */
  helpUrl?: string;
  /**
   * Required by the platforms, but the terminal chat starts without it and does without what
   * it enables (AI replies without the provider key).
   */
  optionalInChat?: boolean;
  /**
   * A whole number in a range, with its default: the generated `src/env.ts` checks and parses
   * it once and exports it typed, so the code reading it never parses it again.
   */
  integer?: LedgerInteger;
}

/** A named export of a generated module: `module` is relative to `src/`, without extension. */
export interface ModuleExport {
  module: string;
  exportName: string;
}

/** The languages every built-in text is written in; `en` is the fallback. */
export const LOCALES = ['en', 'es', 'de'] as const;
export type Locale = (typeof LOCALES)[number];

/**
 * Built-in texts of the generated bot by message key, in every language. They are assembled
 * into `src/i18n/<locale>.ts`: English only, or every locale with the i18n feature.
 * Placeholders are written `{name}`. Generator-authored, never user text.
 */
export type MessageCatalog = Record<string, Record<Locale, string>>;

/**
 * A service the generated `src/index.ts` starts: a platform adapter or a supporting service.
 * The module exports a `Service` (see the generated `src/runtime.ts`) under `exportName`.
 */
export interface ServiceEntry {
  /** Module path relative to `src/`, without extension, such as `platforms/discord`. */
  module: string;
  exportName: string;
}

/** A section of the generated README, placed by `order` (then title). */
export interface ReadmeSection {
  order: number;
  title: string;
  /** Markdown written by the generator; user text in it must go through `markdownText`. */
  body: string;
}

/** A GitHub Actions workflow, serialized to `.github/workflows/<name>.yml` with `yaml`. */
export interface WorkflowContribution {
  name: string;
  workflow: Record<string, unknown>;
}

/** What one module adds to the project. Every field is optional. */
export interface Contribution {
  files?: GeneratedFile[];
  /** Runtime dependencies; versions come from `versions.ts`. */
  dependencies?: DependencyName[];
  devDependencies?: DependencyName[];
  scripts?: Record<string, string>;
  envVars?: EnvVar[];
  /** Ledger entries the deploy workflow reads (host tokens, service ids), with their owner. */
  deployVariables?: LedgerEntry[];
  /** What is left to do outside GitHub for this module, once deployed. */
  nextSteps?: Omit<NextStep, 'neededBy'>[];
  workflows?: WorkflowContribution[];
  /**
   * Workflows that need the whole runtime ledger (the deploy workflow delivers every runtime
   * entry to the host), built once every module has contributed its variables.
   */
  ledgerWorkflows?: (ledger: RuntimeLedger) => WorkflowContribution[];
  services?: ServiceEntry[];
  /** Functions (`() => Promise<void>`) src/index.ts awaits after every service has stopped. */
  closers?: ModuleExport[];
  /**
   * Lines `src/index.ts` prints when no platform is configured, such as how to start the
   * terminal chat. Generator-authored text only.
   */
  startHints?: string[];
  readme?: ReadmeSection[];
  /** Command lists (`readonly Command[]`) joined into `src/commands.ts`, in module order. */
  commands?: ModuleExport[];
  /** Plugin factories (`(env) => BotPlugin`) the bot runs, in module order. */
  plugins?: ModuleExport[];
  /** Texts the module's generated code passes to `t()`. */
  messages?: MessageCatalog;
}

/**
 * A feature, platform or workflow module (the installer pattern): pure functions of the
 * config, no filesystem, network, clock or randomness. `Id` narrows the id where a registry
 * keys modules by catalog id, so a module filed under another id does not compile.
 */
export interface GeneratorModule<Id extends string = string> {
  id: Id;
  label: string;
  enabled(config: BuildConfig): boolean;
  contribute(config: BuildConfig): Contribution;
}

/**
 * The module of a catalog feature. It has no `enabled` of its own: it is folded exactly when
 * the config chooses the feature (the schema has already checked what the feature requires).
 */
export type FeatureModule<Id extends FeatureId = FeatureId> = Omit<GeneratorModule<Id>, 'enabled'>;
