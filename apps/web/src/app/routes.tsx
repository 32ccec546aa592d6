import { Suspense } from 'react';
import { ErrorBoundary } from '../components/ui/error-boundary';
import { AccountPage } from '../features/account';
import { SessionsPanel, SignInPage, useMe } from '../features/auth';
import { DashboardPage, ProjectPage } from '../features/dashboard';
import { SecretsPage } from '../features/secrets';
import { projectIdFrom, projectSecretsIdFrom } from '../lib/paths';
import { navigate, useLocation } from '../lib/router';
import { WizardPage } from './wizard-page';

/**
 * Picks the page for the current path; `/account`, the dashboard and a project's secrets ask
 * signed-out visitors to sign in.
 */
export function Routes() {
  const { pathname, search, href } = useLocation();
  const me = useMe();

  if (pathname === '/sign-in') {
    return <SignInPage redirect={search.get('redirect') ?? '/'} error={search.get('error')} />;
  }
  if (pathname === '/account') {
    if (me.isPending) return <p className="text-sm text-slate-500">Loading…</p>;
    if (!me.data) return <SignInPage redirect={href} error={null} />;
    return (
      <AccountPage
        login={me.data.user.login}
        sessions={
          <ErrorBoundary label="sessions">
            <SessionsPanel onSignedOut={() => navigate('/')} />
          </ErrorBoundary>
        }
      />
    );
  }
  const secretsProjectId = projectSecretsIdFrom(pathname);
  if (secretsProjectId) {
    if (me.isPending) return <p className="text-sm text-slate-500">Loading…</p>;
    if (!me.data) return <SignInPage redirect={href} error={null} />;
    return (
      <ErrorBoundary label="the secrets">
        <Suspense fallback={<p className="text-sm text-slate-500">Loading…</p>}>
          <SecretsPage key={secretsProjectId} projectId={secretsProjectId} />
        </Suspense>
      </ErrorBoundary>
    );
  }
  const projectId = projectIdFrom(pathname);
  if (pathname === '/dashboard' || projectId) {
    if (me.isPending) return <p className="text-sm text-slate-500">Loading…</p>;
    if (!me.data) return <SignInPage redirect={href} error={null} />;
    return (
      <ErrorBoundary label="the dashboard">
        {projectId ? <ProjectPage key={projectId} projectId={projectId} /> : <DashboardPage />}
      </ErrorBoundary>
    );
  }
  return <WizardPage />;
}
