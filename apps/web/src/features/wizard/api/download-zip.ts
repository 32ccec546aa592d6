import type { BuildConfig } from '@botsmith/shared';

/**
 * The file name from a `Content-Disposition` header, preferring the RFC 6266 `filename*`
 * form; anything that could name a path is stripped.
 */
export function filenameFromContentDisposition(header: string | null, fallback: string): string {
  if (!header) return fallback;
  const extended = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header)?.[1];
  const plain = /filename\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;\s]+))/.exec(header);
  let name: string | undefined;
  if (extended) {
    try {
      name = decodeURIComponent(extended.trim());
    } catch {
      name = undefined;
    }
  }
  name ??= plain?.[1]?.replace(/\\(.)/g, '$1') ?? plain?.[2];
  const safe = name?.replace(/[/\\]/g, '_').replace(/^\.+/, '').trim();
  return safe ? safe : fallback;
}

/** Thrown when the server refuses to build the zip; message and code are the server's. */
export class DownloadError extends Error {
  override name = 'DownloadError';
  constructor(
    message: string,
    /** The server's error code, e.g. `LOCKFILE_UNAVAILABLE`; `null` when it sent none. */
    readonly code: string | null,
  ) {
    super(message);
  }
}

/**
 * Asks the server for the project zip (with its lockfile resolved, unless `lockfile` is false)
 * and saves it through a temporary download link.
 */
export async function downloadProjectZip(
  config: BuildConfig,
  { lockfile = true }: { lockfile?: boolean } = {},
): Promise<string> {
  const response = await fetch('/api/download', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ config, lockfile }),
  });
  if (!response.ok) {
    const { message, code } = await errorOf(response);
    throw new DownloadError(message, code);
  }
  const filename = filenameFromContentDisposition(
    response.headers.get('content-disposition'),
    `${config.project.name}.zip`,
  );
  const url = URL.createObjectURL(await response.blob());
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = filename;
    link.hidden = true;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // Revoke after the click has been handled; revoking synchronously can cancel the download.
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
  return filename;
}

/** The server's message and code from its `{ "error": { "code", "message" } }` body, if any. */
async function errorOf(response: Response): Promise<{ message: string; code: string | null }> {
  try {
    const body: unknown = await response.json();
    if (typeof body === 'object' && body !== null && 'error' in body) {
      const { error } = body;
      if (typeof error === 'object' && error !== null && 'message' in error) {
        const code = 'code' in error && typeof error.code === 'string' ? error.code : null;
        return { message: String(error.message), code };
      }
    }
  } catch {
    // Not JSON: fall through to the status line.
  }
  const status = [response.status, response.statusText].filter(Boolean).join(' ');
  return { message: `The download failed (${status}).`, code: null };
}
