import type { GitDatabase } from './git/database';
import type { SealedBoxKeyPair } from './secrets/sealed-box';

/** A GitHub user account. */
export interface EmulatorUser {
  id: number;
  login: string;
  name: string | null;
  email: string | null;
  plan: 'free' | 'pro';
  createdAt: string;
}

/** An organization and its members (login, lower-cased → role). */
export interface EmulatorOrg {
  id: number;
  login: string;
  name: string | null;
  description: string | null;
  /** GitHub's org setting; when false only owners (`admin`) may create repositories. */
  membersCanCreateRepositories: boolean;
  members: Map<string, 'admin' | 'member'>;
  plan: 'free' | 'team';
  createdAt: string;
}

/** A registered OAuth app. */
export interface OAuthClient {
  clientId: string;
  clientSecret: string;
  name: string;
  /** Registered callback URLs; a redirect_uri must fall under one of them. */
  callbackUrls: string[];
}

/** A code issued by the authorize page, exchanged once at the token endpoint. */
export interface AuthorizationCode {
  code: string;
  clientId: string;
  login: string;
  scopes: string[];
  /** The redirect_uri sent to authorize (null when omitted); the exchange must repeat it. */
  redirectUri: string | null;
  codeChallenge: string | null;
  expiresAt: number;
  used: boolean;
}

/** An OAuth access token (or a token minted by the control API). */
export interface AccessToken {
  token: string;
  login: string;
  scopes: string[];
  /** The OAuth app that obtained it; null for tokens minted like a personal access token. */
  clientId: string | null;
  createdAt: string;
}

/**
 * An Actions secret as GitHub holds it: only the sealed box the client sent. Tests read the
 * value by opening it with the owning key pair (`EmulatorStore.secret`, the state view), so
 * they can assert that GitHub holds ciphertext and that it decrypts to what the user typed.
 */
export interface StoredSecret {
  name: string;
  encryptedValue: string;
  createdAt: string;
  updatedAt: string;
}

/** An Actions configuration variable (repository or environment): plain text, readable. */
export interface StoredVariable {
  name: string;
  value: string;
  createdAt: string;
  updatedAt: string;
}

/** Where secrets and variables live: the repository, or one of its environments. */
export interface SecretScope {
  secretsKey: SealedBoxKeyPair;
  secrets: Map<string, StoredSecret>;
  variables: Map<string, StoredVariable>;
}

/** A deployment environment with its protection rules, secrets and variables. */
export interface Environment extends SecretScope {
  id: number;
  name: string;
  createdAt: string;
  updatedAt: string;
  waitTimer: number;
  reviewers: { type: 'User' | 'Team'; id: number }[];
  preventSelfReview: boolean;
  deploymentBranchPolicy: { protectedBranches: boolean; customBranchPolicies: boolean } | null;
  branchPolicies: { id: number; name: string; type: 'branch' | 'tag' }[];
}

/** A repository webhook. */
export interface Hook {
  id: number;
  active: boolean;
  events: string[];
  config: {
    url: string;
    contentType: 'json' | 'form';
    secret: string | null;
    insecureSsl: '0' | '1';
  };
  createdAt: string;
  updatedAt: string;
  lastResponse: { code: number | null; status: string; message: string | null };
}

/** A workflow_dispatch call, recorded for tests. */
export interface Dispatch {
  workflowId: number;
  workflowPath: string;
  ref: string;
  inputs: Record<string, unknown>;
  runId: number;
  login: string;
  at: string;
}

export type RunStatus = 'queued' | 'in_progress' | 'completed';
export type RunConclusion = 'success' | 'failure' | 'cancelled' | 'skipped' | null;

/** A job of a workflow run. */
export interface WorkflowJob {
  id: number;
  name: string;
  status: RunStatus;
  conclusion: RunConclusion;
  startedAt: string | null;
  completedAt: string | null;
  steps: { name: string; status: RunStatus; conclusion: RunConclusion; number: number }[];
}

/** A workflow run. */
export interface WorkflowRun {
  id: number;
  runNumber: number;
  runAttempt: number;
  workflowId: number;
  workflowPath: string;
  name: string;
  event: string;
  status: RunStatus;
  conclusion: RunConclusion;
  headBranch: string;
  headSha: string;
  actorLogin: string;
  createdAt: string;
  updatedAt: string;
  runStartedAt: string;
  jobs: WorkflowJob[];
}

/** A deployment and its statuses. */
export interface Deployment {
  id: number;
  sha: string;
  ref: string;
  environment: string;
  description: string | null;
  creatorLogin: string;
  runId: number | null;
  createdAt: string;
  updatedAt: string;
  statuses: {
    id: number;
    state: 'queued' | 'in_progress' | 'success' | 'failure' | 'error' | 'inactive' | 'pending';
    description: string;
    environmentUrl: string;
    logUrl: string;
    createdAt: string;
  }[];
}

/** A repository with its git data and Actions state. */
export interface Repo extends SecretScope {
  id: number;
  owner: string;
  ownerType: 'User' | 'Organization';
  name: string;
  description: string | null;
  homepage: string | null;
  private: boolean;
  defaultBranch: string;
  createdAt: string;
  updatedAt: string;
  pushedAt: string | null;
  git: GitDatabase;
  /** Keyed by lower-cased name: environment names are case-insensitive. */
  environments: Map<string, Environment>;
  hooks: Map<number, Hook>;
  branchProtection: Map<string, unknown>;
  /** Workflow file path → id, assigned on first sight so ids stay stable. */
  workflowIds: Map<string, number>;
  runs: WorkflowRun[];
  dispatches: Dispatch[];
  deployments: Deployment[];
}

/** A webhook delivery attempt as GitHub's "Recent deliveries" shows it. */
export interface Delivery {
  id: number;
  guid: string;
  event: string;
  action: string | null;
  hookId: number;
  repo: string;
  url: string;
  redelivery: boolean;
  deliveredAt: string;
  durationMs: number;
  requestHeaders: Record<string, string>;
  requestBody: string;
  statusCode: number | null;
  responseBody: string | null;
  error: string | null;
}

/**
 * An injected failure for the next `remaining` matching requests: held for `holdMs` first
 * (until released), then answered with `status`, dropped (`drop`: the connection is closed
 * without an answer), or — with `status: null` and no `drop` — handled as usual, late.
 */
export interface Fault {
  id: number;
  method: string;
  path: string;
  status: number | null;
  body: unknown;
  headers: Record<string, string>;
  holdMs: number;
  drop: boolean;
  remaining: number;
}

/** A request a fault is holding right now. */
export interface HeldRequest {
  faultId: number;
  method: string;
  path: string;
  at: string;
}

/** One handled request, for tests that count calls. */
export interface RequestLogEntry {
  method: string;
  /** Path without the `/api/v3` prefix and query string. */
  path: string;
  url: string;
  status: number;
  faulted: boolean;
  at: string;
}

/** Behaviour switches tests flip through `POST /_emulator/settings`. */
export interface EmulatorSettings {
  /** When set, pushes to the default branch and dispatches run workflows to this conclusion. */
  autoRuns: { conclusion: 'success' | 'failure' | 'cancelled'; delayMs: number } | null;
}

/** Everything the emulator knows; all in memory. */
export interface EmulatorState {
  users: Map<string, EmulatorUser>;
  orgs: Map<string, EmulatorOrg>;
  clients: Map<string, OAuthClient>;
  codes: Map<string, AuthorizationCode>;
  tokens: Map<string, AccessToken>;
  /** Keyed by lower-cased `owner/name`: GitHub names are case-insensitive. */
  repos: Map<string, Repo>;
  deliveries: Delivery[];
  faults: Fault[];
  /** Requests held by a fault's `holdMs`, until it elapses or the faults are cleared. */
  held: HeldRequest[];
  requestLog: RequestLogEntry[];
  settings: EmulatorSettings;
  /** Per token, requests used in the current rate-limit window. */
  rateLimit: Map<string, { used: number; resetAt: number }>;
  nextId: Record<'user' | 'repo' | 'hook' | 'run' | 'job' | 'workflow' | 'other', number>;
}

/** An empty state; `seedState` fills in the default users, org and OAuth app. */
export function createEmptyState(): EmulatorState {
  return {
    users: new Map(),
    orgs: new Map(),
    clients: new Map(),
    codes: new Map(),
    tokens: new Map(),
    repos: new Map(),
    deliveries: [],
    faults: [],
    held: [],
    requestLog: [],
    settings: { autoRuns: null },
    rateLimit: new Map(),
    // Realistic magnitudes make the ids look like GitHub's (and catch 32-bit assumptions).
    nextId: {
      user: 9_000_001,
      repo: 880_000_001,
      hook: 480_000_001,
      run: 11_000_000_001,
      job: 31_000_000_001,
      workflow: 120_000_001,
      other: 1_000_001,
    },
  };
}

/** Takes the next id of a kind. */
export function nextId(state: EmulatorState, kind: keyof EmulatorState['nextId']): number {
  const id = state.nextId[kind];
  state.nextId[kind] = id + 1;
  return id;
}

/** The repository `owner/name` (case-insensitive), if it exists. */
export function findRepo(state: EmulatorState, owner: string, name: string): Repo | undefined {
  return state.repos.get(`${owner}/${name}`.toLowerCase());
}

/** The user or organization with that login (case-insensitive). */
export function findAccount(
  state: EmulatorState,
  login: string,
): { kind: 'User'; user: EmulatorUser } | { kind: 'Organization'; org: EmulatorOrg } | undefined {
  const user = state.users.get(login.toLowerCase());
  if (user) return { kind: 'User', user };
  const org = state.orgs.get(login.toLowerCase());
  return org ? { kind: 'Organization', org } : undefined;
}
