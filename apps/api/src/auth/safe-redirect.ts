/**
 * Where to send the user after signing in: a same-origin relative path (`/account?tab=1`),
 * or `/` for anything else — absolute URLs, `//evil.example`, `/\evil.example` (browsers read
 * backslashes as slashes), paths that only become `//evil.example` once their dot segments
 * are resolved (`/.//evil.example`, `/%2e//evil.example`, `/..//evil.example`), control
 * characters, or the auth routes themselves. Prevents the `redirect` parameter from becoming
 * an open redirect.
 *
 * @example safeRedirectPath('//evil.example', 'https://botsmith.dev') // '/'
 */
export function safeRedirectPath(value: unknown, publicUrl: string): string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 2048) return '/';
  if (!value.startsWith('/')) return '/';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point.
  if (/[\\\u0000-\u001f\u007f]/.test(value)) return '/';
  const base = new URL(publicUrl);
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    return '/';
  }
  // Judge the normalised path, which is what we send: `/./` and `/../` segments are resolved
  // by the parser, and a result starting `//` would be read by the browser as another host.
  const path = url.pathname;
  if (url.origin !== base.origin || path.startsWith('//') || path.startsWith('/auth/')) return '/';
  return `${path}${url.search}${url.hash}`;
}
