import { ErrorBoundary } from '../components/ui/error-boundary';
import { AccountPage } from '../features/account/components/account-page';
import { useMe } from '../features/auth/api/use-auth';
import { SessionsPanel } from '../features/auth/components/sessions-panel';
import { SignInPage } from '../features/auth/components/sign-in-page';
import { DashboardPage } from '../features/dashboard/components/dashboard-page';
import { ProjectPage } from '../features/projects/components/project-page';
import { Wizard } from '../features/wizard/components/wizard';
import { navigate, useLocation } from '../lib/router';

/**
 * Picks the page for the current path; `/account` and the dashboard ask signed-out visitors
 * to sign in.
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
  const project = /^\/dashboard\/projects\/([0-9a-f-]{36})$/i.exec(pathname);
  if (pathname === '/dashboard' || project) {
    if (me.isPending) return <p className="text-sm text-slate-500">Loading…</p>;
    if (!me.data) return <SignInPage redirect={href} error={null} />;
    return (
      <ErrorBoundary label="the dashboard">
        {project?.[1] ? <ProjectPage key={project[1]} projectId={project[1]} /> : <DashboardPage />}
      </ErrorBoundary>
    );
  }
  return <Wizard />;
}
