import type { FastifyInstance } from 'fastify';
import type { EmulatorContext } from '../context';
import { escapeHtml as h, page } from '../oauth/authorize-page';
import type { EmulatorState } from '../state';

function table(headers: string[], rows: string[][]): string {
  if (rows.length === 0) return '<p class="note">None yet.</p>';
  const head = headers.map((x) => `<th>${h(x)}</th>`).join('');
  const body = rows
    .map((row) => `<tr>${row.map((cell) => `<td>${cell}</td>`).join('')}</tr>`)
    .join('');
  return `<table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}

function overview(state: EmulatorState): string {
  const users = [...state.users.values()].map((u) => [h(u.login), h(u.name ?? ''), h(u.plan)]);
  const repos = [...state.repos.values()].map((r) => {
    const full = `${r.owner}/${r.name}`;
    const files = `<a href="/_emulator/repos/${h(full)}/files">files</a>`;
    return [
      h(full),
      r.private ? 'private' : 'public',
      String(r.hooks.size),
      String(r.secrets.size),
      files,
    ];
  });
  const runs = [...state.repos.values()].flatMap((r) =>
    r.runs.map((run) => [
      h(`${r.owner}/${r.name}`),
      h(run.name),
      h(run.event),
      h(run.status),
      h(run.conclusion ?? ''),
    ]),
  );
  const deliveries = state.deliveries
    .slice(-20)
    .reverse()
    .map((d) => [
      h(d.deliveredAt),
      h(d.repo),
      h(`${d.event}${d.action ? `.${d.action}` : ''}`),
      h(d.error ?? String(d.statusCode)),
      `<form method="post" action="/_emulator/deliveries/${d.id}/redeliver"><button>Redeliver</button></form>`,
    ]);
  return `<h1>GitHub emulator</h1>
<p class="note">In-memory GitHub for development and tests. JSON: <a href="/_emulator/state">/_emulator/state</a>.</p>
<h2>Users</h2>${table(['login', 'name', 'plan'], users)}
<h2>Repositories</h2>${table(['repository', 'visibility', 'hooks', 'secrets', ''], repos)}
<h2>Workflow runs</h2>${table(['repository', 'workflow', 'event', 'status', 'conclusion'], runs)}
<h2>Recent deliveries</h2>${table(['at', 'repository', 'event', 'response', ''], deliveries)}`;
}

/** `GET /_emulator`: a read-only overview for people running `pnpm dev`. */
export function registerDevPage(app: FastifyInstance, ctx: EmulatorContext): void {
  app.get('/_emulator', async (_request, reply) =>
    reply
      .type('text/html; charset=utf-8')
      .send(page('GitHub emulator', overview(ctx.store.state), true)),
  );
}
