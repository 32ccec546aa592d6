/** Escapes text for HTML element and attribute content. */
export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

const SCOPE_TEXT: Record<string, string> = {
  repo: 'Full control of private repositories',
  public_repo: 'Access public repositories',
  workflow: 'Update GitHub Action workflows',
  'admin:repo_hook': 'Full control of repository hooks',
  'write:repo_hook': 'Write repository hooks',
  'read:repo_hook': 'Read repository hooks',
  'read:user': 'Read all user profile data',
  'user:email': 'Access user email addresses (read-only)',
  user: 'Update ALL user data',
  'read:org': 'Read org and team membership, read org projects',
  delete_repo: 'Delete repositories',
};

const STYLE = `
body{font:14px/1.5 system-ui,sans-serif;background:#f6f8fa;color:#1f2328;margin:0}
main{max-width:440px;margin:48px auto;background:#fff;border:1px solid #d0d7de;border-radius:6px;padding:24px}
h1{font-size:20px;margin:0 0 8px}p.note{color:#59636e;margin:0 0 16px}
ul{padding-left:20px}li code{background:#eff2f5;border-radius:4px;padding:0 4px}
form{display:grid;gap:8px;margin-top:16px}
button{font:inherit;padding:6px 16px;border-radius:6px;border:1px solid #d0d7de;background:#f6f8fa;cursor:pointer}
button.primary{background:#1f883d;border-color:#1f883d;color:#fff}
.error{color:#d1242f}main.wide{max-width:960px}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:4px 8px;border-bottom:1px solid #d0d7de}
td form{display:inline;margin:0}h2{font-size:16px;margin:24px 0 8px}`;

/** A complete HTML document with the emulator's inline style (no external assets). */
export function page(title: string, body: string, wide = false): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>
<body><main${wide ? ' class="wide"' : ''}>${body}</main></body></html>`;
}

/** The values the authorize form posts back. */
export interface AuthorizeRequest {
  clientId: string;
  appName: string;
  redirectUri: string | null;
  scopes: string[];
  state: string | null;
  codeChallenge: string | null;
  codeChallengeMethod: string | null;
}

/**
 * The consent page: one "Authorize as <login>" button per user (so a tester or Playwright
 * picks who signs in) and a "Cancel" button; all buttons submit the same form.
 */
export function authorizePage(request: AuthorizeRequest, logins: string[]): string {
  const title = `GitHub emulator — Authorize ${request.appName}`;
  const hidden = Object.entries({
    client_id: request.clientId,
    redirect_uri: request.redirectUri,
    scope: request.scopes.join(' '),
    state: request.state,
    code_challenge: request.codeChallenge,
    code_challenge_method: request.codeChallengeMethod,
  })
    .filter(([, value]) => value !== null)
    .map(
      ([name, value]) =>
        `<input type="hidden" name="${name}" value="${escapeHtml(String(value))}">`,
    )
    .join('\n');
  const scopes =
    request.scopes.length === 0
      ? '<li>Read-only access to public information</li>'
      : request.scopes
          .map((s) => `<li><code>${escapeHtml(s)}</code> — ${escapeHtml(SCOPE_TEXT[s] ?? s)}</li>`)
          .join('\n');
  const buttons = logins
    .map(
      (login) =>
        `<button class="primary" type="submit" name="login" value="${escapeHtml(login)}">Authorize as ${escapeHtml(login)}</button>`,
    )
    .join('\n');
  return page(
    title,
    `<h1>Authorize ${escapeHtml(request.appName)}</h1>
<p class="note">GitHub emulator: choose the account to sign in with.</p>
<p>${escapeHtml(request.appName)} is requesting:</p>
<ul>${scopes}</ul>
<form method="post" action="/login/oauth/authorize">
${hidden}
${buttons}
<button type="submit" name="cancel" value="1">Cancel</button>
</form>`,
  );
}

/** GitHub shows an error page, not a redirect, for an unknown app or foreign redirect_uri. */
export function errorPage(heading: string, detail: string): string {
  return page(
    `GitHub emulator — ${heading}`,
    `<h1 class="error">${escapeHtml(heading)}</h1><p>${escapeHtml(detail)}</p>`,
  );
}
