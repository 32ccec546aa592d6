import { describeEachDatabase } from '@botsmith/db/testing';
import { GENERATOR_VERSION, generate } from '@botsmith/generators';
import { buildConfigSchema, featureUnavailableReason } from '@botsmith/shared';
import { TRPCError } from '@trpc/server';
import { expect, test } from 'vitest';
import { z } from 'zod';
import { createTestCaller } from '../testing/test-server';

describeEachDatabase('generator router', (t) => {
  test('preview returns the generated files and the generator version', async () => {
    const input = { project: { name: 'preview-bot' } };
    const result = await createTestCaller(t.db).generator.preview(input);
    expect(result.generatorVersion).toBe(GENERATOR_VERSION);
    expect(result.files).toEqual(generate(buildConfigSchema.parse(input)).files);
    expect(result.files.map((f) => f.path)).toContain('package.json');
  });

  test('a config saved with schema version 1 is upgraded first (Node 20 becomes 22)', async () => {
    const input = {
      schemaVersion: 1,
      project: { name: 'old-bot' },
      runtime: { nodeVersion: '20' },
    } as const;
    const result = await createTestCaller(t.db).generator.preview(input);
    const upgraded = { ...input, schemaVersion: 2, runtime: { nodeVersion: '22' } };
    expect(result.files).toEqual(generate(buildConfigSchema.parse(upgraded)).files);
    const dockerfile = result.files.find((f) => f.path === 'Dockerfile')?.content;
    expect(dockerfile).toContain('FROM node:22-slim');
  });

  test('a schema version from a newer Botsmith is a BAD_REQUEST naming schemaVersion', async () => {
    const error = await createTestCaller(t.db)
      .generator.preview({ schemaVersion: 3 } as never)
      .catch((e: unknown) => e);
    expect((error as TRPCError).code).toBe('BAD_REQUEST');
    const issues = ((error as TRPCError).cause as z.ZodError).issues;
    expect(issues.map((i) => i.path.join('.'))).toEqual(['schemaVersion']);
    expect(issues[0]?.message).toMatch(/newer Botsmith/);
  });

  test('an invalid config is a BAD_REQUEST caused by the zod error', async () => {
    const error = await createTestCaller(t.db)
      .generator.preview({ platforms: [], project: { name: 'Not A Name!' } } as never)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe('BAD_REQUEST');
    const paths = ((error as TRPCError).cause as z.ZodError).issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['platforms', 'project.name']));
    expect((error as TRPCError).cause).toBeInstanceOf(z.ZodError);
  });

  test('a feature no chosen platform supports is a BAD_REQUEST giving the reason', async () => {
    const error = await createTestCaller(t.db)
      .generator.preview({ platforms: ['cli'], features: ['health'] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe('BAD_REQUEST');
    const issues = ((error as TRPCError).cause as z.ZodError).issues;
    expect(issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['features.0', featureUnavailableReason('health', ['cli'])],
    ]);
  });
});
