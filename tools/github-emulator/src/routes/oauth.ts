import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type EmulatorContext, urlsFor } from '../context';
import { GitHubError, notFound } from '../errors';
import { simpleUser } from '../json/account';
import { type AuthorizeRequest, authorizePage, errorPage } from '../oauth/authorize-page';
import { matchesAnyCallback } from '../oauth/redirect-uri';
import { CODE_TTL_MS, exchangeCode, newCode, type TokenRequest } from '../oauth/token-exchange';
import { parseScopes } from '../scopes';

type Params = Record<string, string | undefined>;

function basicCredentials(header: string | undefined): { id?: string; secret?: string } {
  if (!header?.toLowerCase().startsWith('basic ')) return {};
  const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return {};
  return {
    id: decodeURIComponent(decoded.slice(0, colon)),
    secret: decodeURIComponent(decoded.slice(colon + 1)),
  };
}

function withQuery(target: string, params: Record<string, string | null>): string {
  const url = new URL(target);
  for (const [key, value] of Object.entries(params))
    if (value !== null) url.searchParams.set(key, value);
  return url.toString();
}

/** Validates client and redirect_uri; on failure sends GitHub's error page (no redirect). */
function readAuthorize(
  ctx: EmulatorContext,
  params: Params,
  reply: FastifyReply,
): AuthorizeRequest | null {
  const client = params.client_id ? ctx.store.state.clients.get(params.client_id) : undefined;
  const html = (status: number, heading: string, detail: string) => {
    reply.code(status).type('text/html; charset=utf-8').send(errorPage(heading, detail));
    return null;
  };
  if (!client)
    return html(404, 'Not Found', 'No OAuth application with that client_id is registered.');
  const redirectUri = params.redirect_uri || null;
  if (redirectUri && !matchesAnyCallback(redirectUri, client.callbackUrls)) {
    return html(
      400,
      'Redirect URI mismatch',
      'The redirect_uri is not associated with this application.',
    );
  }
  const method = params.code_challenge_method ?? (params.code_challenge ? 'plain' : null);
  if (params.code_challenge && method !== 'S256') {
    return html(400, 'Invalid code challenge', 'Only the S256 code_challenge_method is supported.');
  }
  return {
    clientId: client.clientId,
    appName: client.name,
    redirectUri,
    scopes: parseScopes(params.scope),
    state: params.state ?? null,
    codeChallenge: params.code_challenge ?? null,
    codeChallengeMethod: params.code_challenge ? 'S256' : null,
  };
}

/** The browser side of the web flow: authorize page, its form, and the token endpoint. */
export function registerOAuthRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.get('/login/oauth/authorize', async (request, reply) => {
    const params = request.query as Params;
    const authorize = readAuthorize(ctx, params, reply);
    if (!authorize) return reply;
    // GitHub's `login` parameter suggests an account; list it first.
    const logins = [...ctx.store.state.users.values()].map((u) => u.login);
    const suggested = logins.find((l) => l.toLowerCase() === params.login?.toLowerCase());
    const ordered = suggested ? [suggested, ...logins.filter((l) => l !== suggested)] : logins;
    return reply.type('text/html; charset=utf-8').send(authorizePage(authorize, ordered));
  });

  app.post('/login/oauth/authorize', async (request, reply) => {
    const form = (request.body ?? {}) as Params;
    const authorize = readAuthorize(ctx, form, reply);
    if (!authorize) return reply;
    const client = ctx.store.state.clients.get(authorize.clientId);
    const target = authorize.redirectUri ?? client?.callbackUrls[0] ?? '';
    if (form.cancel) {
      return reply.redirect(
        withQuery(target, {
          error: 'access_denied',
          error_description: 'The user has denied your application access.',
          error_uri:
            'https://docs.github.com/apps/managing-oauth-apps/troubleshooting-authorization-request-errors/#access-denied',
          state: authorize.state,
        }),
        302,
      );
    }
    const user = form.login ? ctx.store.state.users.get(form.login.toLowerCase()) : undefined;
    if (!user) {
      return reply
        .code(400)
        .type('text/html; charset=utf-8')
        .send(errorPage('Unknown user', 'Choose a listed account.'));
    }
    const code = newCode();
    ctx.store.state.codes.set(code, {
      code,
      clientId: authorize.clientId,
      login: user.login,
      scopes: authorize.scopes,
      redirectUri: authorize.redirectUri,
      codeChallenge: authorize.codeChallenge,
      expiresAt: Date.now() + CODE_TTL_MS,
      used: false,
    });
    return reply.redirect(withQuery(target, { code, state: authorize.state }), 302);
  });

  app.post('/login/oauth/access_token', async (request, reply) => {
    // GitHub reads parameters from the query string as well as the body.
    const params: Params = { ...(request.query as Params), ...((request.body ?? {}) as Params) };
    const basic = basicCredentials(request.headers.authorization);
    const input: TokenRequest = {
      clientId: basic.id ?? params.client_id,
      clientSecret: basic.secret ?? params.client_secret,
      code: params.code,
      redirectUri: params.redirect_uri,
      codeVerifier: params.code_verifier,
      grantType: params.grant_type,
    };
    const result = exchangeCode(ctx.store, input);
    // Errors are HTTP 200 too: clients must look for `error` in the body.
    if ((request.headers.accept ?? '').includes('json')) return reply.code(200).send(result);
    const body = new URLSearchParams(result as Record<string, string>).toString();
    return reply.code(200).type('application/x-www-form-urlencoded; charset=utf-8').send(body);
  });
}

function clientFromBasic(ctx: EmulatorContext, request: FastifyRequest, clientId: string) {
  const basic = basicCredentials(request.headers.authorization);
  const client = ctx.store.state.clients.get(clientId);
  if (!client || basic.id !== clientId || basic.secret !== client.clientSecret) throw notFound();
  return client;
}

/** OAuth app REST endpoints (Basic auth with the client credentials): check and revoke a token. */
export function registerOAuthApiRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  app.post('/applications/:client_id/token', async (request) => {
    const { client_id } = request.params as { client_id: string };
    clientFromBasic(ctx, request, client_id);
    const tokenValue = (request.body as { access_token?: string } | undefined)?.access_token ?? '';
    const token = ctx.store.state.tokens.get(tokenValue);
    const user = token ? ctx.store.state.users.get(token.login) : undefined;
    if (!token || token.clientId !== client_id || !user) throw notFound();
    return {
      token: token.token,
      token_last_eight: token.token.slice(-8),
      scopes: token.scopes,
      created_at: token.createdAt,
      updated_at: token.createdAt,
      user: simpleUser(user, urlsFor(ctx, request)),
    };
  });

  app.delete('/applications/:client_id/token', async (request, reply) => {
    const { client_id } = request.params as { client_id: string };
    clientFromBasic(ctx, request, client_id);
    const tokenValue = (request.body as { access_token?: string } | undefined)?.access_token ?? '';
    const token = ctx.store.state.tokens.get(tokenValue);
    if (!token || token.clientId !== client_id) throw new GitHubError(404, 'Not Found');
    ctx.store.state.tokens.delete(tokenValue);
    return reply.code(204).send();
  });
}
