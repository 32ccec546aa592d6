import type { ReactNode } from 'react';
import { ErrorBoundary } from '../../../components/ui/error-boundary';
import { ActivityPanel } from './activity-panel';
import { ApiTokensPanel } from './api-tokens-panel';

/** `/account`: API tokens and the activity log; `sessions` is composed in by the app. */
export function AccountPage({ login, sessions }: { login: string; sessions: ReactNode }) {
  return (
    <div className="grid gap-6">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">Account</h1>
        <p className="mt-1 text-slate-600">Signed in as {login}.</p>
      </header>
      <ErrorBoundary label="API tokens">
        <ApiTokensPanel />
      </ErrorBoundary>
      {sessions}
      <ErrorBoundary label="recent activity">
        <ActivityPanel />
      </ErrorBoundary>
    </div>
  );
}
