import { describe, expect, it } from 'vitest';
import { filenameFromContentDisposition } from './download-zip';

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
