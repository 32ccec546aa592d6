import {
  type AutomationId,
  type BuildConfig,
  type BuildConfigInput,
  buildConfigSchema,
} from '@botsmith/shared';
import { generate } from '../src/generate';
import type { GeneratedProject } from '../src/types';

/** Every automation workflow turned on (the deploy workflow needs a deploy target too). */
export const ALL_AUTOMATION: Readonly<Record<AutomationId, true>> = {
  ci: true,
  deploy: true,
  codeql: true,
  dependencyReview: true,
  release: true,
  dependabot: true,
};

/** A validated config from partial wizard input. */
export function configOf(input: BuildConfigInput = {}): BuildConfig {
  return buildConfigSchema.parse(input);
}

/** Generates from partial input and indexes the files by path. */
export function generateFrom(input: BuildConfigInput = {}): {
  project: GeneratedProject;
  file(path: string): string;
  paths: string[];
} {
  const project = generate(configOf(input));
  const byPath = new Map(project.files.map((f) => [f.path, f.content]));
  return {
    project,
    paths: project.files.map((f) => f.path),
    file(path) {
      const content = byPath.get(path);
      if (content === undefined) throw new Error(`no generated file ${path}`);
      return content;
    },
  };
}
