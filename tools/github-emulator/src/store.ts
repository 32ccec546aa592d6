import { randomBytes } from 'node:crypto';
import { filesAtCommit, firstParentLog } from './git/database';
import { releaseHeld } from './http/faults';
import { openSealedBox } from './secrets/sealed-box';
import { seedState } from './seed';
import {
  type AccessToken,
  createEmptyState,
  type EmulatorState,
  findRepo,
  type Repo,
  type SecretScope,
} from './state';

const TOKEN_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** A GitHub-looking token: prefix (`gho_` OAuth, `ghp_` personal) and 36 alphanumerics. */
export function newToken(prefix: 'gho_' | 'ghp_'): string {
  const bytes = randomBytes(36);
  let out = prefix;
  for (const byte of bytes) out += TOKEN_ALPHABET[byte % TOKEN_ALPHABET.length];
  return out;
}

/** Opens a stored secret of `scope` with the scope's own key pair. */
export function revealSecret(scope: SecretScope, secretName: string): string | undefined {
  const secret = scope.secrets.get(secretName);
  return secret ? (openSealedBox(scope.secretsKey, secret.encryptedValue) ?? undefined) : undefined;
}

/** A repository's files at a ref, and its first-parent history (newest first). */
export interface RepoSnapshot {
  ref: string;
  sha: string;
  files: Record<string, string>;
  commits: { sha: string; message: string; parents: string[]; tree: string }[];
}

/**
 * The emulator's in-memory store: the state object (replaced on reset) plus the helpers tests
 * use directly — reading files, secrets, minting tokens, and waiting for background work.
 *
 * @example
 *   const { store } = await startGitHubEmulator();
 *   const token = store.mintToken('octocat', ['repo', 'workflow']).token;
 */
export class EmulatorStore {
  #state: EmulatorState;
  readonly #pending = new Set<Promise<unknown>>();

  constructor(private readonly seed: boolean) {
    this.#state = this.#fresh();
  }

  /** The current state; do not keep it across `reset()`. */
  get state(): EmulatorState {
    return this.#state;
  }

  /** Back to the seed (or to empty when started with `seed: false`). */
  reset(): void {
    releaseHeld(this.#state);
    this.#state = this.#fresh();
  }

  #fresh(): EmulatorState {
    const state = createEmptyState();
    if (this.seed) seedState(state);
    return state;
  }

  /** Keeps a background task (webhook delivery, simulated run) for `idle()`; never rejects. */
  track(task: Promise<unknown>): void {
    const settled = task.catch(() => undefined);
    this.#pending.add(settled);
    void settled.finally(() => this.#pending.delete(settled));
  }

  /** Resolves once every background delivery and simulated run has finished. */
  async idle(): Promise<void> {
    while (this.#pending.size > 0) await Promise.all([...this.#pending]);
  }

  /** Issues a token for `login` without the OAuth dance. */
  mintToken(login: string, scopes: string[], clientId: string | null = null): AccessToken {
    const token: AccessToken = {
      token: newToken(clientId ? 'gho_' : 'ghp_'),
      login: login.toLowerCase(),
      scopes,
      clientId,
      createdAt: new Date().toISOString(),
    };
    this.#state.tokens.set(token.token, token);
    return token;
  }

  /** The repository, or undefined. */
  repo(owner: string, name: string): Repo | undefined {
    return findRepo(this.#state, owner, name);
  }

  /** Files (path → UTF-8) at a branch or commit sha, plus the first-parent commit list. */
  snapshot(owner: string, name: string, ref?: string): RepoSnapshot | undefined {
    const repo = this.repo(owner, name);
    if (!repo) return undefined;
    const branch = ref ?? repo.defaultBranch;
    const sha =
      repo.git.refs.get(`refs/heads/${branch}`) ??
      (repo.git.objects.has(branch) ? branch : undefined);
    if (!sha) return { ref: branch, sha: '', files: {}, commits: [] };
    const commits = firstParentLog(repo.git, sha).map((c) => ({
      sha: c.sha,
      message: c.message,
      parents: c.parents,
      tree: c.tree,
    }));
    return { ref: branch, sha, files: filesAtCommit(repo.git, sha), commits };
  }

  /**
   * A repository Actions secret's value, read by opening the stored sealed box with the
   * repository's key (GitHub itself holds only the ciphertext).
   */
  secret(owner: string, name: string, secretName: string): string | undefined {
    const repo = this.repo(owner, name);
    return repo ? revealSecret(repo, secretName) : undefined;
  }

  /** An environment secret's value, opened with that environment's key. */
  environmentSecret(
    owner: string,
    name: string,
    environment: string,
    secretName: string,
  ): string | undefined {
    const scope = this.repo(owner, name)?.environments.get(environment.toLowerCase());
    return scope ? revealSecret(scope, secretName) : undefined;
  }

  /** An environment variable's value. */
  environmentVariable(
    owner: string,
    name: string,
    environment: string,
    variableName: string,
  ): string | undefined {
    return this.repo(owner, name)
      ?.environments.get(environment.toLowerCase())
      ?.variables.get(variableName)?.value;
  }
}
