import { PayloadTooDeepError, toStorableJson } from './storable-json';

/** The body could not be read as a GitHub webhook payload; `code` is the HTTP error's. */
export class PayloadDecodeError extends Error {
  override readonly name = 'PayloadDecodeError';

  constructor(
    message: string,
    options?: ErrorOptions & { code?: 'BAD_REQUEST' | 'PAYLOAD_TOO_DEEP' },
  ) {
    super(message, options);
    this.code = options?.code ?? 'BAD_REQUEST';
  }

  readonly code: 'BAD_REQUEST' | 'PAYLOAD_TOO_DEEP';
}

/**
 * The JSON payload of a delivery body: hooks send `application/json`, or (GitHub's default
 * for a new hook) `application/x-www-form-urlencoded` with the JSON in the `payload` field.
 * Made storable as jsonb (see `toStorableJson`): U+0000 and lone surrogates become U+FFFD
 * rather than losing the delivery, so what is stored may differ from the signed bytes there.
 *
 * @throws {PayloadDecodeError} for other types, bad JSON, a payload that is not an object,
 *   or one nested too deep (`code: 'PAYLOAD_TOO_DEEP'`).
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
  try {
    return toStorableJson(value) as Record<string, unknown>;
  } catch (cause) {
    if (!(cause instanceof PayloadTooDeepError)) throw cause;
    throw new PayloadDecodeError(cause.message, { cause, code: 'PAYLOAD_TOO_DEEP' });
  }
}
