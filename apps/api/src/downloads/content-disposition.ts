/**
 * A `Content-Disposition: attachment` value that every browser reads correctly: an ASCII
 * `filename` fallback plus the exact name in RFC 6266 / RFC 8187 `filename*`.
 *
 * @example attachmentDisposition('my-bot.zip')
 * // attachment; filename="my-bot.zip"; filename*=UTF-8''my-bot.zip
 */
export function attachmentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  const encoded = encodeURIComponent(filename).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
