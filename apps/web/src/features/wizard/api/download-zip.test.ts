import { buildConfigSchema } from '@botsmith/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DownloadError, downloadProjectZip, filenameFromContentDisposition } from './download-zip';

describe('filenameFromContentDisposition', () => {
  it.each([
    ['attachment; filename="my-bot.zip"', 'my-bot.zip'],
    ['attachment; filename=my-bot.zip', 'my-bot.zip'],
    [`attachment; filename="x.zip"; filename*=UTF-8''caf%C3%A9-bot.zip`, 'café-bot.zip'],
    ['attachment; filename="../../etc/passwd"', '_.._etc_passwd'],
    ['attachment; filename="a\\"b.zip"', 'a"b.zip'],
  ])('reads %s', (header, expected) => {
    expect(filenameFromContentDisposition(header, 'fallback.zip')).toBe(expected);
  });

  it('falls back without a usable name', () => {
    expect(filenameFromContentDisposition(null, 'fallback.zip')).toBe('fallback.zip');
    expect(filenameFromContentDisposition('attachment', 'fallback.zip')).toBe('fallback.zip');
    expect(filenameFromContentDisposition('attachment; filename=".."', 'f.zip')).toBe('f.zip');
  });
});

describe('downloadProjectZip', () => {
  afterEach(() => vi.unstubAllGlobals());
  const config = buildConfigSchema.parse({ project: { name: 'dl-bot' } });

  it("throws the server's message and code, having asked for the lockfile or not", async () => {
    const bodies: unknown[] = [];
    vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
      bodies.push(JSON.parse(String(init.body)));
      return Response.json(
        { error: { code: 'LOCKFILE_UNAVAILABLE', message: 'The registry is down.' } },
        { status: 503 },
      );
    });
    const error = await downloadProjectZip(config).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DownloadError);
    expect(error).toMatchObject({ message: 'The registry is down.', code: 'LOCKFILE_UNAVAILABLE' });
    await downloadProjectZip(config, { lockfile: false }).catch(() => undefined);
    expect(bodies).toEqual([
      { config, lockfile: true },
      { config, lockfile: false },
    ]);
  });

  it('names the status when the answer is not JSON', async () => {
    vi.stubGlobal('fetch', async () => new Response('<html>', { status: 502 }));
    await expect(downloadProjectZip(config)).rejects.toMatchObject({
      message: 'The download failed (502).',
      code: null,
    });
  });
});
