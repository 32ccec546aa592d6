const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

function under(path: string, prefix: string): boolean {
  if (path === prefix) return true;
  const base = prefix.endsWith('/') ? prefix : `${prefix}/`;
  return path.startsWith(base);
}

/**
 * GitHub's redirect_uri rule ("Authorizing OAuth apps" → redirect URLs): same scheme, host
 * equal to (or a subdomain of) the callback's, same port, and a path at or below the
 * callback's path. For loopback callbacks the port may differ, so local dev servers on any
 * port are accepted.
 */
export function redirectUriAllowed(redirectUri: string, callbackUrl: string): boolean {
  let target: URL;
  let callback: URL;
  try {
    target = new URL(redirectUri);
    callback = new URL(callbackUrl);
  } catch {
    return false;
  }
  if (target.protocol !== callback.protocol) return false;
  const loopback = LOOPBACK.has(callback.hostname);
  if (loopback) {
    if (target.hostname !== callback.hostname) return false;
  } else {
    const sameHost =
      target.hostname === callback.hostname || target.hostname.endsWith(`.${callback.hostname}`);
    if (!sameHost || target.port !== callback.port) return false;
  }
  return under(target.pathname, callback.pathname);
}

/** True when the redirect_uri falls under one of the app's callback URLs. */
export function matchesAnyCallback(redirectUri: string, callbackUrls: readonly string[]): boolean {
  return callbackUrls.some((callback) => redirectUriAllowed(redirectUri, callback));
}
