import { expect, test } from 'vitest';
import { attachmentDisposition } from './content-disposition';

test('plain names appear as is in both parameters', () => {
  expect(attachmentDisposition('my-bot.zip')).toBe(
    `attachment; filename="my-bot.zip"; filename*=UTF-8''my-bot.zip`,
  );
});

test('quotes, backslashes and non-ASCII cannot break out of the header value', () => {
  const value = attachmentDisposition('bö"t\\\r\n(1).zip');
  expect(value).toBe(
    `attachment; filename="b__t___(1).zip"; filename*=UTF-8''b%C3%B6%22t%5C%0D%0A%281%29.zip`,
  );
});
