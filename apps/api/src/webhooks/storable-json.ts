/**
 * How deep a webhook payload may nest. GitHub's own payloads stay near ten levels; much
 * deeper ones only come from crafted input, and PostgreSQL's jsonb runs out of stack on them.
 */
export const MAX_PAYLOAD_DEPTH = 100;

/** The payload nests deeper than `MAX_PAYLOAD_DEPTH`. */
export class PayloadTooDeepError extends Error {
  override readonly name = 'PayloadTooDeepError';
}

const SURROGATE = /[\ud800-\udfff]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * `text` as jsonb can hold it: U+0000 and unpaired surrogates (both valid JSON escapes that
 * jsonb refuses) become U+FFFD, the replacement character. Well-formed text is returned as is.
 */
export function storableString(text: string): string {
  let clean = text.includes('\u0000') ? text.replaceAll('\u0000', '\ufffd') : text;
  if (SURROGATE.test(clean)) clean = clean.replace(LONE_SURROGATE, '\ufffd');
  return clean;
}

/** How much of a free text (a commit message) we keep. */
const MAX_TEXT_LENGTH = 2000;

/**
 * A free text from GitHub clipped to `MAX_TEXT_LENGTH` and made storable; `null` stays `null`.
 * A cut through a surrogate pair would leave half of it, which jsonb refuses: U+FFFD then.
 */
export function storableText(value: string | null | undefined): string | null {
  return value == null ? null : storableString(value.slice(0, MAX_TEXT_LENGTH));
}

/**
 * Makes freshly parsed JSON storable as jsonb, in place: every string and key through
 * `storableString`. Refuses nesting beyond `maxDepth` (which also bounds the recursion).
 *
 * @throws {PayloadTooDeepError}
 * @example const payload = toStorableJson(JSON.parse(body));
 */
export function toStorableJson(value: unknown, maxDepth = MAX_PAYLOAD_DEPTH, depth = 1): unknown {
  if (typeof value === 'string') return storableString(value);
  if (typeof value !== 'object' || value === null) return value;
  if (depth > maxDepth) {
    throw new PayloadTooDeepError(`payload nests deeper than ${maxDepth} levels`);
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1)
      value[i] = toStorableJson(value[i], maxDepth, depth + 1);
    return value;
  }
  const object = value as Record<string, unknown>;
  for (const key of Object.keys(object)) {
    const clean = toStorableJson(object[key], maxDepth, depth + 1);
    const cleanKey = storableString(key);
    if (cleanKey !== key) {
      delete object[key];
      // A cleaned key holds U+FFFD, so it is never `__proto__`: a plain own property.
      object[cleanKey] = clean;
    } else object[key] = clean;
  }
  return object;
}
