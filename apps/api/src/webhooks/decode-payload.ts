/** The body could not be read as a GitHub webhook payload. */
export class PayloadDecodeError extends Error {
  override readonly name = 'PayloadDecodeError';
}

/**
 * The JSON payload of a delivery body: hooks send `application/json`, or (GitHub's default
 * for a new hook) `application/x-www-form-urlencoded` with the JSON in the `payload` field.
 *
 * @throws {PayloadDecodeError} for other types, bad JSON or a payload that is not an object.
 */
export function decodePayload(
  body: Uint8Array,
  contentType: string | undefined,
): Record<string, unknown> {
  const type = contentType?.split(';', 1)[0]?.trim().toLowerCase();
  const text = Buffer.from(body).toString('utf8');
  let json: string | null;
  if (type === 'application/json') json = text;
  else if (type === 'application/x-www-form-urlencoded') {
    json = new URLSearchParams(text).get('payload');
  } else throw new PayloadDecodeError(`unsupported content type ${type ?? '(none)'}`);
  if (json === null) throw new PayloadDecodeError('form body without a payload field');
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (cause) {
    throw new PayloadDecodeError('payload is not valid JSON', { cause });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new PayloadDecodeError('payload is not a JSON object');
  }
  return value as Record<string, unknown>;
}
