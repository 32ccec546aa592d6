import { generate, toZip } from '@botsmith/generators';
import { buildConfigSchema, type ConfigIssue, formatConfigIssues } from '@botsmith/shared';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { errorBody } from '../errors';
import { attachmentDisposition } from './content-disposition';

/** The download endpoint's path. */
export const DOWNLOAD_PATH = '/api/download';

function configProblem(reply: FastifyReply, code: string, summary: string, issues: ConfigIssue[]) {
  const listed = issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ');
  return reply.code(400).send(errorBody(code, `${summary}: ${listed}`, issues));
}

/**
 * `POST /api/download` with JSON `{ "config": { … } }` answers the generated project as a zip
 * named after the project. A config that fails the schema gets 400 `INVALID_CONFIG` with
 * `error.issues` naming each field.
 */
export function registerDownloadRoute(app: FastifyInstance): void {
  app.post(DOWNLOAD_PATH, async (request, reply) => {
    const body = request.body;
    if (typeof body !== 'object' || body === null || !('config' in body)) {
      return reply
        .code(400)
        .send(errorBody('INVALID_REQUEST', 'Send a JSON object with a "config" field.'));
    }
    const parsed = buildConfigSchema.safeParse(body.config);
    if (!parsed.success) {
      return configProblem(
        reply,
        'INVALID_CONFIG',
        'The configuration is invalid',
        formatConfigIssues(parsed.error),
      );
    }
    const zip = toZip(generate(parsed.data));
    return reply
      .header('content-type', 'application/zip')
      .header('content-disposition', attachmentDisposition(`${parsed.data.project.name}.zip`))
      .header('cache-control', 'no-store')
      .send(Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength));
  });
}
