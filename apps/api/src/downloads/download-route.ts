import { generate, toZip } from '@botsmith/generators';
import { LockfileError } from '@botsmith/generators/lockfile';
import { buildConfigSchema, type ConfigIssue, formatConfigIssues } from '@botsmith/shared';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { errorBody } from '../errors';
import type { Services } from '../services';
import { attachmentDisposition } from './content-disposition';

/** The download endpoint's path. */
export const DOWNLOAD_PATH = '/api/download';

/** The request: the config, and `lockfile: false` to skip resolving the lockfile. */
const downloadRequestSchema = z.object({
  config: z.unknown(),
  lockfile: z.boolean().default(true),
});

function configProblem(reply: FastifyReply, code: string, summary: string, issues: ConfigIssue[]) {
  const listed = issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
  return reply.code(400).send(errorBody(code, `${summary}: ${listed}`, issues));
}

/**
 * `POST /api/download` with JSON `{ "config": { … } }` answers the generated project as a zip
 * named after the project, with its lockfile resolved against the registry (so `npm ci` works
 * at once). A config that fails the schema gets 400 `INVALID_CONFIG` with `error.issues`
 * naming each field; a registry that cannot resolve in time gets 503 `LOCKFILE_UNAVAILABLE`
 * (`"lockfile": false` downloads the project without it).
 */
export function registerDownloadRoute(
  app: FastifyInstance,
  services: Pick<Services, 'addLockfile'>,
): void {
  app.post(DOWNLOAD_PATH, async (request, reply) => {
    const body = downloadRequestSchema.safeParse(request.body);
    if (!body.success || body.data.config === undefined) {
      return reply
        .code(400)
        .send(
          errorBody(
            'INVALID_REQUEST',
            'Send a JSON object with a "config" field (and optionally "lockfile": false).',
          ),
        );
    }
    const parsed = buildConfigSchema.safeParse(body.data.config);
    if (!parsed.success) {
      return configProblem(
        reply,
        'INVALID_CONFIG',
        'The configuration is invalid',
        formatConfigIssues(parsed.error),
      );
    }
    const project = generate(parsed.data);
    let files = project.files;
    if (body.data.lockfile) {
      try {
        files = await services.addLockfile(files);
      } catch (error) {
        if (!(error instanceof LockfileError)) throw error;
        request.log.warn({ reason: error.message }, 'could not resolve the lockfile');
        // The summary leaves out the package manager's output: that is for our logs.
        return reply
          .code(503)
          .header('retry-after', '30')
          .send(
            errorBody(
              'LOCKFILE_UNAVAILABLE',
              `The dependencies could not be resolved for the lockfile: ${error.summary}. Try again shortly, or download without the lockfile and run the package manager's install once.`,
            ),
          );
      }
    }
    const zip = toZip({ ...project, files });
    return reply
      .header('content-type', 'application/zip')
      .header('content-disposition', attachmentDisposition(`${parsed.data.project.name}.zip`))
      .header('cache-control', 'no-store')
      .send(Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength));
  });
}
