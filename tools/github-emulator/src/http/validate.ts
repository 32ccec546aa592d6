import type { z } from 'zod';
import { GitHubError } from '../errors';

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function describe(input: unknown, issue: z.core.$ZodIssue): string {
  const path = issue.path.map(String).join('/');
  const value = valueAt(input, issue.path);
  if (value === undefined) return `"${path}" wasn't supplied.`;
  if (issue.code === 'invalid_type') {
    return `For 'properties/${path}', ${JSON.stringify(value)} is not a ${issue.expected}.`;
  }
  return `For 'properties/${path}', ${JSON.stringify(value)} ${issue.message.toLowerCase()}.`;
}

/**
 * Parses a request body with zod; failures become GitHub's schema-validation 422
 * (`Invalid request.\n\n"name" wasn't supplied.`).
 */
export function parseBody<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => describe(input ?? {}, issue));
  throw new GitHubError(422, `Invalid request.\n\n${lines.join('\n')}`);
}
