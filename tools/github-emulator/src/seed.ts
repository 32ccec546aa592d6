import type { EmulatorState } from './state';

/** The OAuth app every fresh emulator knows (`botsmith-dev-client` / `botsmith-dev-secret`). */
export const DEFAULT_CLIENT = {
  clientId: 'botsmith-dev-client',
  clientSecret: 'botsmith-dev-secret',
  name: 'Botsmith (development)',
  // GitHub lets loopback redirect URIs use any port ("loopback redirect urls" in its docs),
  // so these two prefixes admit every local dev server and test port.
  callbackUrls: ['http://127.0.0.1/', 'http://localhost/'],
};

/** The seeded organization: octocat owns it, hubot is a member who may not create repos. */
export const SEED_ORG = 'botsmith-test-org';

/** Fills a fresh state with octocat, hubot, `botsmith-test-org` and the default OAuth app. */
export function seedState(state: EmulatorState): void {
  state.users.set('octocat', {
    id: 583231,
    login: 'octocat',
    name: 'The Octocat',
    email: 'octocat@github.com',
    plan: 'free',
    createdAt: '2011-01-25T18:44:36Z',
  });
  state.users.set('hubot', {
    id: 480938,
    login: 'hubot',
    name: 'Hubot',
    email: 'hubot@github.com',
    plan: 'free',
    createdAt: '2010-11-13T06:47:22Z',
  });
  state.orgs.set(SEED_ORG, {
    id: 9_919_001,
    login: SEED_ORG,
    name: 'Botsmith Test Org',
    description: 'Organization seeded by the GitHub emulator',
    membersCanCreateRepositories: false,
    members: new Map([
      ['octocat', 'admin'],
      ['hubot', 'member'],
    ]),
    plan: 'free',
    createdAt: '2020-01-01T00:00:00Z',
  });
  state.clients.set(DEFAULT_CLIENT.clientId, { ...DEFAULT_CLIENT });
}
